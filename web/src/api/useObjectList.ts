import { useEffect, useState } from "react";
import { describe } from "./client";

/** A workspace's list of named objects (personas, segments): loaded on mount and after every change, deleted
 * after a confirmation, with the server's problem shown when a request fails. */
export function useObjectList<T extends { name: string }>(
  workspaceId: string,
  noun: string,
  fetchAll: () => Promise<T[]>,
  deleteOne: (item: T) => Promise<{ error?: unknown }>,
) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load() {
    setItems(await fetchAll());
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workspaceId]);

  async function remove(item: T) {
    if (!window.confirm(`Delete the ${noun} “${item.name}”?`)) return;
    const result = await deleteOne(item);
    setError(result.error ? describe(result.error) : null);
    await load();
  }

  return { items, error, load, remove };
}
