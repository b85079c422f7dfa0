import { createApp } from 'vue';
// src/Apply.vue is the README's Vue snippet, written there by the test.
import Apply from './Apply.vue';

createApp(Apply, { token: 'invitation-token' }).mount('#app');
