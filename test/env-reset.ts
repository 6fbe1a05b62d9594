import { beforeEach } from 'vitest';
import { resetEnvForTests } from '@/env';

// env() parses process.env once; each test starts from what the environment holds then. A test
// that changes a variable after something has read it calls resetEnvForTests() itself.
beforeEach(() => resetEnvForTests());
