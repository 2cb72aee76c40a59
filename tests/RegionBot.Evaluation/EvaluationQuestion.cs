using System.Text.Json;
using System.Text.Json.Serialization;

namespace RegionBot.Evaluation;

/// <summary>
/// One question a user might ask, with every passage id that genuinely answers it.
/// An empty <see cref="Answers"/> list marks a question the knowledge cannot answer, where the bot should abstain.
/// An optional <see cref="Section"/> ("paraphrase") groups questions the report also scores on their own.
/// </summary>
public sealed record EvaluationQuestion(
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("answers")] IReadOnlyList<string> Answers,
    [property: JsonPropertyName("section")] string? Section = null)
{
    [JsonIgnore]
    public bool IsAnswerable => Answers.Count > 0;
}

/// <summary>Reads a question set file: a JSON array of <c>{ "question": ..., "answers": [...] }</c> objects.</summary>
public static class QuestionSet
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <exception cref="InvalidDataException">The file is not a question set; the message says why.</exception>
    public static IReadOnlyList<EvaluationQuestion> Load(string path)
    {
        using var stream = File.OpenRead(path);
        List<EvaluationQuestion>? questions;
        try
        {
            questions = JsonSerializer.Deserialize<List<EvaluationQuestion>>(stream, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not a valid question set: {exception.Message}", exception);
        }

        if (questions is null)
        {
            throw new InvalidDataException($"{path} holds no question set.");
        }

        // A missing "answers" property deserialises as null; treating it as "unanswerable" would hide a typo in the file.
        for (var index = 0; index < questions.Count; index++)
        {
            var entry = questions[index];
            if (string.IsNullOrWhiteSpace(entry.Question) || entry.Answers is null)
            {
                throw new InvalidDataException(
                    $"{path}: entry {index + 1} needs a non-empty \"question\" and an \"answers\" list (empty when unanswerable).");
            }
        }

        return questions;
    }
}
