import { Logger } from '@nestjs/common';

// Worker processes in tests keep errors only, so a failing test shows what went wrong.
Logger.overrideLogger(['error']);
