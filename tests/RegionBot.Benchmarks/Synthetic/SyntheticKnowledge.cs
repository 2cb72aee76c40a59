using System.Globalization;
using System.Text;
using RegionBot.Benchmarks.Support;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;

namespace RegionBot.Benchmarks.Synthetic;

/// <summary>How much synthetic knowledge to write, in how many files, from which seed.</summary>
public sealed record SyntheticKnowledgeSpec(int Passages, int PassagesPerFile = 1000, int Seed = 20210815)
{
    public int Files => (Passages + PassagesPerFile - 1) / PassagesPerFile;
}

/// <summary>
/// Writes knowledge Markdown files that look like many more articles on the same subject: passages of 15 to 70
/// words in sections per country, context and statements by speakers with roles, drawn from a realistic
/// vocabulary. They are ordinary knowledge files, so benchmarks load them through the real loader and index.
/// The output depends only on the spec and the vocabulary: the same seed always writes the same bytes.
/// </summary>
public static class SyntheticKnowledge
{
    /// <summary>Changes whenever the generator's output changes, so cached folders from older code are not reused.</summary>
    private const string GeneratorVersion = "v2";

    private const string CompleteMarker = ".complete";

    private static readonly string[] AllCountries = [Countries.Region, .. Countries.CentralAsia];

    private static readonly string[] Topics =
    [
        "border security", "recognition of the Taliban", "humanitarian aid", "refugees and migration", "trade and transit",
        "military exercises", "energy and electricity exports", "water and the Amu Darya", "railways to Afghanistan",
        "talks with the Taliban", "evacuation flights", "drug trafficking", "extremist threats", "Russian security guarantees",
        "Chinese investment", "regional diplomacy", "the CSTO response", "the SCO summit", "ethnic kin in Afghanistan",
        "the Friendship Bridge", "pilots and aircraft", "food supplies", "the Termez hub", "gas pipeline plans",
        "women's rights", "an inclusive government", "domestic politics", "public opinion", "the economy", "sanctions",
    ];

    private static readonly string[] FirstNames =
    [
        "Aibek", "Nurlan", "Askar", "Bakhtiyor", "Dilshod", "Farrukh", "Gulnara", "Jamshid", "Kairat", "Madina",
        "Murat", "Nodira", "Rustam", "Saida", "Timur", "Umid", "Zarina", "Azamat", "Bolot", "Chingiz", "Daniyar",
        "Elmira", "Erlan", "Gulshan", "Ilkhom", "Komil", "Lola", "Mirzo", "Nargiza", "Oybek", "Parviz", "Rahmat",
        "Sherzod", "Tolib", "Ulugbek", "Yerlan", "Zafar", "Aizhan", "Bekzod", "Dauren",
    ];

    private static readonly string[] LastNames =
    [
        "Abdullaev", "Bekov", "Dzhumabaev", "Ergashev", "Gafurov", "Ismoilov", "Karimov", "Kasymov", "Mamatov",
        "Nazarov", "Omarov", "Rakhimov", "Saidov", "Tashkentov", "Umarov", "Yusupov", "Zhakupov", "Alimov",
        "Baimukhamedov", "Davletov", "Khodjaev", "Mukhamedov", "Nurmatov", "Rahimov", "Sultanov", "Turgunov",
        "Usmonov", "Zakirov", "Akhmetov", "Berdiev",
    ];

    private static readonly string[] RoleTemplates =
    [
        "President of {0}", "{0}'s Foreign Minister", "{0}'s Deputy Minister of Foreign Affairs", "Defence Minister of {0}",
        "Spokesperson of the {0} Foreign Ministry", "Ambassador of {0} to Afghanistan", "Member of Parliament of {0}",
        "Head of the {0} Security Council", "{0}'s Border Service chief", "Adviser to the President of {0}",
    ];

    private static readonly string[] RegionRoles =
    [
        "Secretary General of the CSTO", "UN Special Envoy for Afghanistan", "Russian Deputy Foreign Minister",
        "Chinese Foreign Ministry spokesperson", "Analyst at a Central Asian think tank", "Taliban spokesperson",
    ];

    private static readonly string[] Publishers =
    [
        "TRT World", "Eurasia Monitor", "Steppe Review", "Central Asia Daily", "Silk Road Times", "Regional Affairs Weekly",
    ];

    private static readonly string[] EntityWords = ["Taliban", "Afghanistan", "Kabul", "Afghan", "Russia", "China"];

    /// <summary>
    /// The vocabulary built from the shipped knowledge and the search's English word list, as the benchmarks use it.
    /// </summary>
    public static SyntheticVocabulary DefaultVocabulary(int seed)
    {
        var shipped = KnowledgeLoader.Load(RepositoryPaths.Knowledge);
        if (!shipped.IsValid)
        {
            throw new InvalidOperationException("The shipped knowledge does not load: " + string.Join("; ", shipped.Problems));
        }

        return SyntheticVocabulary.Create(shipped.Knowledge!, Lexicon.Default.EnglishWords, seed);
    }

    /// <summary>
    /// A folder below the temporary folder holding the synthetic knowledge for <paramref name="spec"/>, written
    /// the first time and reused afterwards (writing 100,000 passages takes seconds every benchmark process would repeat).
    /// </summary>
    public static string EnsureGenerated(SyntheticKnowledgeSpec spec)
    {
        var directory = Path.Combine(
            Path.GetTempPath(),
            "regionbot-synthetic",
            string.Create(CultureInfo.InvariantCulture, $"{GeneratorVersion}-{spec.Passages}-{spec.PassagesPerFile}-{spec.Seed}"));
        if (File.Exists(Path.Combine(directory, CompleteMarker)))
        {
            return directory;
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Write(directory, spec, DefaultVocabulary(spec.Seed));
        File.WriteAllText(Path.Combine(directory, CompleteMarker), string.Empty);
        return directory;
    }

    /// <summary>Writes the knowledge files for <paramref name="spec"/> into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string directory, SyntheticKnowledgeSpec spec, SyntheticVocabulary vocabulary)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.Passages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(spec.PassagesPerFile, 1);
        Directory.CreateDirectory(directory);
        var random = new Random(spec.Seed);
        var words = new ZipfSampler(vocabulary.RankedWords.Count, exponent: 1.0);
        var speakers = CreateSpeakers(random);
        var files = new List<string>();
        var remaining = spec.Passages;
        for (var file = 0; file < spec.Files; file++)
        {
            var count = Math.Min(spec.PassagesPerFile, remaining);
            remaining -= count;
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"synthetic-{file:D4}.md"));
            var text = WriteFile(file, count, random, words, vocabulary.RankedWords, speakers);
            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            files.Add(path);
        }

        return files;
    }

    private static string WriteFile(
        int file, int passages, Random random, ZipfSampler sampler, IReadOnlyList<string> vocabulary,
        IReadOnlyDictionary<string, (string Name, string Role)[]> speakers)
    {
        var text = new StringBuilder(passages * 400);
        var publisher = Publishers[random.Next(Publishers.Length)];
        var title = Capitalise(string.Join(' ', Enumerable.Range(0, random.Next(4, 9)).Select(_ => vocabulary[sampler.Next(random)])));
        var date = new DateOnly(2021, 8, 15).AddDays(random.Next(0, 180));
        text.Append("---\n")
            .Append(CultureInfo.InvariantCulture, $"id: synthetic-{file:D4}\n")
            .Append(CultureInfo.InvariantCulture, $"publisher: {publisher}\n")
            .Append(CultureInfo.InvariantCulture, $"title: {title}\n")
            .Append(CultureInfo.InvariantCulture, $"date: {date:yyyy-MM-dd}\n")
            .Append(CultureInfo.InvariantCulture, $"url: https://example.org/synthetic/{file:D4}\n")
            .Append("---\n");

        var written = 0;
        while (written < passages)
        {
            var country = AllCountries[random.Next(AllCountries.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var heading = string.Equals(country, Countries.Region, StringComparison.Ordinal) ? Capitalise(topic) : $"{country}: {topic}";
            text.Append(CultureInfo.InvariantCulture, $"\n## {heading}\ncountry: {country}\n");
            var sectionSize = Math.Min(random.Next(4, 26), passages - written);
            for (var i = 0; i < sectionSize; i++, written++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n### syn-{file:D4}-{written:D4}\n");
                if (random.NextDouble() < 0.35)
                {
                    var pool = speakers[country];
                    var (name, role) = pool[random.Next(pool.Length)];
                    text.Append(CultureInfo.InvariantCulture, $"kind: statement\nspeaker: {name}\nrole: {role}\n\n");
                    text.Append(Paragraph(random, sampler, vocabulary, country, name)).Append('\n');
                }
                else
                {
                    text.Append("kind: context\n\n");
                    text.Append(Paragraph(random, sampler, vocabulary, country, speaker: null)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>One paragraph of 15 to 70 words in sentences, mentioning countries, actors and the speaker now and then.</summary>
    private static string Paragraph(Random random, ZipfSampler sampler, IReadOnlyList<string> vocabulary, string country, string? speaker)
    {
        var total = random.Next(15, 71);
        var paragraph = new StringBuilder(total * 8);
        var sentenceLeft = 0;
        for (var i = 0; i < total; i++)
        {
            var startsSentence = sentenceLeft == 0;
            if (startsSentence)
            {
                sentenceLeft = Math.Min(random.Next(8, 21), total - i);
                if (i > 0)
                {
                    paragraph.Append(". ");
                }
            }
            else
            {
                paragraph.Append(' ');
            }

            var roll = random.NextDouble();
            var word = roll switch
            {
                < 0.015 => string.Equals(country, Countries.Region, StringComparison.Ordinal)
                    ? Countries.CentralAsia[random.Next(Countries.CentralAsia.Count)]
                    : country,
                < 0.035 => EntityWords[random.Next(EntityWords.Length)],
                < 0.045 when speaker is not null => speaker.Split(' ')[^1],
                _ => vocabulary[sampler.Next(random)],
            };
            paragraph.Append(startsSentence ? Capitalise(word) : word);
            sentenceLeft--;
        }

        return paragraph.Append('.').ToString();
    }

    private static Dictionary<string, (string Name, string Role)[]> CreateSpeakers(Random random)
    {
        var speakers = new Dictionary<string, (string Name, string Role)[]>(StringComparer.Ordinal);
        foreach (var country in AllCountries)
        {
            var roles = string.Equals(country, Countries.Region, StringComparison.Ordinal)
                ? RegionRoles
                : RoleTemplates.Select(template => string.Format(CultureInfo.InvariantCulture, template, country)).ToArray();
            speakers[country] = Enumerable.Range(0, 40)
                .Select(_ => ($"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}", roles[random.Next(roles.Length)]))
                .ToArray();
        }

        return speakers;
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : string.Concat(char.ToUpperInvariant(word[0]).ToString(), word.AsSpan(1));

    /// <summary>Draws word ranks with probability proportional to 1 / (rank + 1)^exponent.</summary>
    private sealed class ZipfSampler
    {
        private readonly double[] cumulative;

        public ZipfSampler(int count, double exponent)
        {
            cumulative = new double[count];
            var sum = 0.0;
            for (var rank = 0; rank < count; rank++)
            {
                sum += 1.0 / Math.Pow(rank + 1, exponent);
                cumulative[rank] = sum;
            }

            for (var rank = 0; rank < count; rank++)
            {
                cumulative[rank] /= sum;
            }
        }

        public int Next(Random random)
        {
            var index = Array.BinarySearch(cumulative, random.NextDouble());
            return Math.Min(index >= 0 ? index : ~index, cumulative.Length - 1);
        }
    }
}
