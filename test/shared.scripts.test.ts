/**
 * Loads the "scripts" group of test files that do not touch Pulumi's process-global runtime into
 * this one process (see test/support/suites.ts). Each file still runs on its own with
 * `node --import tsx --test <file>`.
 */
import { testFiles } from "./support/suites";

// Synchronous on purpose: node:test must see every test registered while this file loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
for (const file of testFiles().shared.scripts) require(file);
