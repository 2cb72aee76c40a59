using Lucene.Net.Index;
using RegionBot.Knowledge.Indexing;

namespace RegionBot.Knowledge.Search;

/// <summary>
/// What the lexical leg knows of the knowledge's words: how many passages use a term, whether a name or topic is rare,
/// and how much each concept of a question weighs towards a passage answering it.
/// </summary>
internal sealed class TermStatistics
{
    /// <summary>
    /// A word the knowledge has never seen is as likely a paraphrase ("pullout", "daily") as a sign of another
    /// subject ("weather"), so it counts for this share of a rare word. A question made only of such words still
    /// covers nothing and gets no answer.
    /// </summary>
    private const double UnknownWordShare = 0.4;

    /// <summary>A name or topic word in at most this share of passages is rare enough to help ranking.</summary>
    private const double RareShare = 0.05;

    private const int MaxRememberedFrequencies = 200_000;

    /// <summary>
    /// Document frequencies in the "all" field, remembered: a snapshot's index never changes, questions reuse the same
    /// words and synonyms, and each look-up would otherwise be a seek in the term dictionary. Bounded, like any cache
    /// filled from what users type.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> frequencies = new(StringComparer.Ordinal);
    private int frequencyCount;

    /// <summary>How many passages use a term, in any of the fields searched together.</summary>
    public int Frequency(IndexReader reader, string term)
    {
        if (frequencies.TryGetValue(term, out var known))
        {
            return known;
        }

        var frequency = reader.DocFreq(new Term(PassageFields.All, term));

        // Counting the entries here rather than asking the dictionary, which would lock all of it on every miss.
        if (Volatile.Read(ref frequencyCount) < MaxRememberedFrequencies && frequencies.TryAdd(term, frequency))
        {
            Interlocked.Increment(ref frequencyCount);
        }

        return frequency;
    }

    /// <summary>Whether a way of saying something occurs in the knowledge at all; one that does not is not searched.</summary>
    public bool Occurs(IndexReader reader, IReadOnlyList<string> terms) => terms.All(term => Frequency(reader, term) > 0);

    /// <summary>Whether a name or topic is rare enough in the knowledge to be what a question asks about ("the Islamic Emirate").</summary>
    public bool IsRare(Concept concept, IndexReader reader)
    {
        var frequency = concept.Alternatives[0].Select(t => Frequency(reader, t)).DefaultIfEmpty(0).Min();
        return frequency > 0 && frequency <= reader.NumDocs * RareShare;
    }

    /// <summary>
    /// How much a concept counts towards a passage answering the question, when the passage covers it and when it
    /// does not. A word weighs as much as its rarest known way of saying it, since rare words carry a question.
    /// Topic words weigh nothing: every passage is about them, and a number or time asked for is checked apart. An
    /// actor named is weak evidence when present but strong evidence of no answer when absent.
    /// </summary>
    public (double Covered, double Missing, bool Unknown) Weight(IndexReader reader, Concept concept)
    {
        var documents = reader.NumDocs;
        var rarest = Idf(documents, 0);
        if (concept.Kind is ConceptKind.Topic or ConceptKind.Name || PassageFacts.Required(concept) is not null)
        {
            return (0, 0, false);
        }

        var byAlternative = concept.Alternatives
            .Select(alternative => alternative.Select(t => Frequency(reader, t)).DefaultIfEmpty(0).Min())
            .ToArray();
        var own = byAlternative[0];
        var known = byAlternative.Where(f => f > 0).DefaultIfEmpty(0).Max();
        if (known == 0 && concept.Kind is ConceptKind.Words)
        {
            return (0, rarest * UnknownWordShare, true);
        }

        var weight = own > 0 ? Idf(documents, own) : known > 0 ? Idf(documents, known) : rarest;
        return concept.Kind is ConceptKind.Actor ? (weight, rarest, false) : (weight, weight, false);
    }

    /// <summary>BM25's inverse document frequency: concepts are weighed on the scale the ranking uses.</summary>
    public static double Idf(int documents, int frequency) => Math.Log(1 + ((documents - frequency + 0.5) / (frequency + 0.5)));
}
