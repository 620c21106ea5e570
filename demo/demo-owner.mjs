/** The demo's owner account, created on the demo's first start and printed by `npm start`. Never use it outside the demo. */
export const DEMO_OWNER = { email: 'owner@demo.hearback.dev', password: 'demo-owner-password' };
