namespace RegionBot.Knowledge.Semantic;

/// <summary>
/// Remembers the vectors of recent questions, least recently used first out. Suggested actions and retries repeat a
/// question word for word, and its vector is the semantic leg's whole cost. Bounded, like every cache filled from
/// what users type.
/// </summary>
internal sealed class QueryVectorCache(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Text, float[] Vector)>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Text, float[] Vector)> order = new();
    private readonly Lock gate = new();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    public bool TryGet(string text, out float[] vector)
    {
        lock (gate)
        {
            if (entries.TryGetValue(text, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                vector = node.Value.Vector;
                return true;
            }
        }

        vector = [];
        return false;
    }

    public void Add(string text, float[] vector)
    {
        if (capacity <= 0)
        {
            return;
        }

        lock (gate)
        {
            if (entries.TryGetValue(text, out var existing))
            {
                order.Remove(existing);
                entries.Remove(text);
            }

            entries[text] = order.AddFirst((text, vector));
            while (entries.Count > capacity)
            {
                var last = order.Last!;
                order.RemoveLast();
                entries.Remove(last.Value.Text);
            }
        }
    }
}
