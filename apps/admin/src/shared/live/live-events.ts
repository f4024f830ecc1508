import { LIVE_EVENTS, WORKFLOW_LIVE_EVENTS } from '@autobuy/contracts';

/** Every message name the admin uses on the live channel: the engine's and the workflows'. */
export const LIVE = { ...LIVE_EVENTS, ...WORKFLOW_LIVE_EVENTS } as const;
