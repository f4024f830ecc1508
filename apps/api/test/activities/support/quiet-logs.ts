import { Logger } from '@nestjs/common';

// Activity start/end lines are for operators; in tests they would bury the failures.
Logger.overrideLogger(['error']);
jest.setTimeout(30_000);
