/** When an invocation stops starting work, in hand-computed milliseconds. */
import { backoffCapMs, deadlineOf, oneShotDeadlineOf, requestTimeoutMs, scrollDeadlineOf, softTimeoutOf } from '../../src/connection/deadline';

const adapter = (timeout?: number) => ({ options: timeout === undefined ? {} : { timeout } });

describe('invocation deadline', () => {
  it('stops at half of a short soft timeout, leaving room before the hard timeout', () => {
    expect(deadlineOf(adapter(8000), 0)).toBe(4000);
    expect(deadlineOf(adapter(2000), 0)).toBe(1000);
    expect(deadlineOf(adapter(8000), 1_000_000)).toBe(1_004_000); // counted from the invocation's start
  });
  it('never stops sooner than one second in', () => {
    expect(deadlineOf(adapter(1500), 0)).toBe(1000);
    expect(deadlineOf(adapter(600), 0)).toBe(600);
  });
  it('keeps one minute in reserve of a long soft timeout', () => {
    expect(deadlineOf(adapter(200_000), 0)).toBe(140_000);
    expect(deadlineOf(adapter(120_000), 0)).toBe(60_000);
  });
  it('uses 9 of DevRev\'s 10 minutes; options can only lower the platform\'s limit', () => {
    expect(deadlineOf(adapter(), 0)).toBe(540_000);
    expect(deadlineOf(adapter(3_600_000), 0)).toBe(540_000);
    expect(softTimeoutOf(adapter(3_600_000))).toBe(600_000);
  });
  it('lets a phase without DELAY wait until the hard timeout (soft × 1.3), less a quarter of the soft timeout', () => {
    expect(oneShotDeadlineOf(adapter(8000), 0)).toBe(8400); // 10,400 - 2,000
    expect(oneShotDeadlineOf(adapter(15_000), 1_000_000)).toBe(1_015_750); // 19,500 - 3,750
    expect(oneShotDeadlineOf(adapter(), 0)).toBe(720_000); // 13 minutes - 1
  });
  it('lets a companies scroll run on until the hard timeout, less a quarter of the soft timeout (1.5 s to 1 minute)', () => {
    expect(scrollDeadlineOf(adapter(30_000), 0)).toBe(31_500); // 39,000 - 7,500
    expect(scrollDeadlineOf(adapter(), 1_000_000)).toBe(1_720_000); // 13 minutes - 1
    expect(scrollDeadlineOf(adapter(4000), 0)).toBe(3700); // 5,200 - 1,500 (a quarter would be 1,000)
    expect(scrollDeadlineOf(adapter(2000), 0)).toBe(1100); // 2,600 - 1,500
    expect(scrollDeadlineOf(adapter(1000), 0)).toBe(1000); // never before the other listings' 1,000
  });
  it('keeps one request and one back-off well inside the invocation', () => {
    expect(requestTimeoutMs(adapter(8000))).toBe(2000);
    expect(requestTimeoutMs(adapter(2000))).toBe(1000); // at least a second
    expect(requestTimeoutMs(adapter())).toBe(30_000);
    expect(backoffCapMs(adapter(8000))).toBe(1000);
    expect(backoffCapMs(adapter(1000))).toBe(200); // at least 200 ms
    expect(backoffCapMs(adapter())).toBe(60_000);
  });
});
