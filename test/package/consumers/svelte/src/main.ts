import { mount } from 'svelte';
// src/Apply.svelte is the README's Svelte snippet, written there by the test.
import Apply from './Apply.svelte';

mount(Apply, { target: document.body, props: { token: 'invitation-token' } });
