/** Bus channels of one popup login, shared by its host and the processes serving popups. */
export function loginChannels(activityId: string) {
  const base = `login:${activityId}`;

  return {
    attach: `${base}:attach`,
    detach: `${base}:detach`,
    input: `${base}:input`,
    frames: `${base}:frames`,
    status: `${base}:status`,
    /** Answers meant for one socket (attach and input acknowledgements). */
    to: (socketId: string) => `${base}:to:${socketId}`,
  };
}

/** Session changes for every operator, from whichever process made them. */
export const SESSION_UPDATES_CHANNEL = 'sessions:update';
