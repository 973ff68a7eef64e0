import { describe, it } from "node:test";
import * as assert from "node:assert/strict";
import { slowestSuites } from "../../bench/suite";

const TAP = `TAP version 13
# Subtest: fast suite
    ok 1 - inner test
      ---
      duration_ms: 900
      ...
ok 1 - fast suite
  ---
  duration_ms: 12.5
  type: 'suite'
  ...
# Subtest: slow suite
not ok 2 - slow suite
  ---
  duration_ms: 4000.25
  ...
ok 3 - middle suite
  ---
  duration_ms: 300
  ...
`;

describe("bench:suite", () => {
    it("ranks top-level suites by duration, ignoring nested tests", () => {
        assert.deepEqual(slowestSuites(TAP, 2), [
            { name: "slow suite", ms: 4000.25 },
            { name: "middle suite", ms: 300 },
        ]);
    });
});
