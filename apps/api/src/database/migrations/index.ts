import { ACTIVITY_MIGRATIONS } from '../../activities';
import { Foundation1764777600000 } from './1764777600000-foundation';

/** Every migration in order; later issues append here. */
export const MIGRATIONS = [Foundation1764777600000, ...ACTIVITY_MIGRATIONS];
