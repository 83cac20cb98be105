// Events as client-go's record.EventRecorder writes them for the
// controllers, the scheduler and the kubelet: a core/v1 Event named
// `<object>.<unix nanoseconds in hex>`, with involvedObject, reason,
// message, source, first/last timestamps and a count that grows when the
// same event repeats (the correlator's aggregation by object, reason,
// message and source). Timestamps come from the virtual clock; recording
// uses no randomness, so seeded worlds keep their addresses and names.

import type { ApiServer, KObject } from './api.ts';

/** Who reports an event (EventSource). */
export interface EventSource {
  component: string;
  host?: string;
}

const EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);
const last = new WeakMap<ApiServer, bigint>();
const index = new WeakMap<ApiServer, Map<string, string>>();

/** apiVersion of a kind's objects (for involvedObject). */
function apiVersionOf(o: KObject): string {
  return o.apiVersion ?? 'v1';
}

/**
 * Record an event about `obj` (fieldPath `spec.containers{name}` for a
 * container). Best effort, as the recorder is: a failure is dropped.
 */
export function recordEvent(api: ApiServer, obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
  try {
    const ns = obj.metadata.namespace ?? 'default';
    const now = api.now();
    // The correlator's aggregation key, indexed (a list scan per event grows quadratically).
    const key = [ns, obj.metadata.uid, obj.metadata.name, reason, message, source.component, source.host ?? '', fieldPath ?? ''].join('\u0000');
    let idx = index.get(api);
    if (!idx) index.set(api, (idx = new Map()));
    const prevName = idx.get(key);
    const same = prevName !== undefined ? api.get('Event', ns, prevName) : undefined;
    if (same) {
      api.patch('Event', ns, same.metadata.name, (e) => {
        e.count = (e.count ?? 1) + 1;
        e.lastTimestamp = now;
      });
      return;
    }
    // Unique, increasing nanosecond stamps (two events in the same virtual millisecond still differ).
    let nanos = BigInt(EPOCH + Math.floor(api.clock.now)) * 1_000_000n;
    const prev = last.get(api);
    if (prev !== undefined && nanos <= prev) nanos = prev + 1n;
    last.set(api, nanos);
    const name = `${obj.metadata.name}.${nanos.toString(16)}`;
    idx.set(key, name);
    api.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: { apiVersion: apiVersionOf(obj), kind: obj.kind, name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, ...(fieldPath ? { fieldPath } : {}) },
      reason,
      message,
      source,
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component === 'kubelet' ? 'kubelet' : '',
      reportingInstance: source.component === 'kubelet' ? source.host ?? '' : '',
    });
  } catch {
    // events are best effort
  }
}
