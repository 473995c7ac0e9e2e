/** The read point's namespaces: kubectl reads an unset or empty namespace as `default`, at the head and in the past alike. */
import { describe, expect, it } from 'vitest';
import { namespacesAt, podKeysAt, type ReadPoint } from '../../src/cli/read-options.js';
import { refreshSnapshots, timeTravel } from '../../src/timetravel/time-travel.js';
import { at, created, podRef } from '../support/event-builders.js';
import { tempJournal } from '../support/temp-journal.js';

describe('namespacesAt and podKeysAt', () => {
  it('name an empty namespace `default` from the head table and from a fold in the past', async () => {
    const journal = await tempJournal();
    await journal.append([created(podRef('web', ''), 0), created(podRef('dns', 'kube-system'), 1), created(podRef('api'), 2)], { expectedSeq: 0 });
    await refreshSnapshots(timeTravel(journal, 'test'));
    const head: ReadPoint = { now: new Date(at(2)) };
    const past: ReadPoint = { at: at(1), now: new Date(at(1)) };

    expect(await journal.headTableParts()).toBeDefined();
    expect((await namespacesAt(journal, head)).sort()).toEqual(['default', 'kube-system']);
    expect((await namespacesAt(journal, past)).sort()).toEqual(['default', 'kube-system']);
    const names = (keys: readonly { readonly name: string }[]) => keys.map((k) => k.name);
    expect(names(await podKeysAt(journal, past, 'default'))).toEqual(['web']);
    expect(names(await podKeysAt(journal, head, 'default'))).toEqual(['api', 'web']);
    // every namespace: the API server's list order (storage keys), the empty one read as default
    const everyNamespace = [{ namespace: 'default', name: 'api' }, { namespace: 'default', name: 'web' }, { namespace: 'kube-system', name: 'dns' }];
    expect(await podKeysAt(journal, head)).toEqual(everyNamespace);
    expect(await podKeysAt(journal, past)).toEqual(everyNamespace.slice(1));
  });
});
