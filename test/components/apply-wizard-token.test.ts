/**
 * The invitation token for this tab: read from `?token=`, removed from the address bar (other
 * parameters and the history state kept), remembered in session storage for this page only, and never
 * stored when the host gives it as an attribute.
 */
import { expect } from '@open-wc/testing';
import { takeInvitationToken } from '../../src/components/apply-wizard/invitation-token.js';

describe('takeInvitationToken', () => {
  const original = location.href;
  afterEach(() => {
    history.replaceState(history.state, '', original);
    sessionStorage.clear();
  });

  it('takes ?token= out of the address, keeps the other parameters and the state, and finds it again after a reload', () => {
    history.replaceState({ route: 'apply' }, '', '/apply?lang=ja&token=secret-token#top');
    expect(takeInvitationToken(undefined)).to.equal('secret-token');
    expect(location.pathname + location.search + location.hash).to.equal('/apply?lang=ja#top');
    expect(history.state).to.deep.equal({ route: 'apply' });
    expect(JSON.stringify(history.state)).not.to.contain('secret-token');
    // A reload: the address has no token any more, this tab remembers it.
    expect(takeInvitationToken(undefined)).to.equal('secret-token');
  });

  it('remembers it for this page only: another path of the same tab does not find it', () => {
    history.replaceState(null, '', '/apply?token=secret-token');
    takeInvitationToken(undefined);
    history.replaceState(null, '', '/elsewhere');
    expect(takeInvitationToken(undefined)).to.equal(undefined);
  });

  it('takes a newer link over the remembered token', () => {
    history.replaceState(null, '', '/apply?token=first');
    takeInvitationToken(undefined);
    history.replaceState(null, '', '/apply?token=second');
    expect(takeInvitationToken(undefined)).to.equal('second');
    expect(takeInvitationToken(undefined)).to.equal('second');
  });

  it('uses the attribute as given and stores nothing', () => {
    history.replaceState(null, '', '/apply');
    expect(takeInvitationToken('from-attribute')).to.equal('from-attribute');
    expect(sessionStorage.length).to.equal(0);
  });
});
