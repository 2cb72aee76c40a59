using System.CommandLine;
using RegionBot.Bot;
using RegionBot.Knowledge;
using RegionBot.Knowledge.Loading;
using RegionBot.Knowledge.Semantic;
using RegionBot.Replies;

namespace RegionBot.Commands;

/// <summary><c>ask "QUESTION" [--knowledge DIR] [--explain]</c>: prints the answer exactly as the bot would send it.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var knowledge = KnowledgeOption.Create();
        var explain = new Option<bool>("--explain") { Description = "Also show how the question was understood and how the best candidates cover it." };
        var command = new Command("ask", "Print the bot's answer to a question, exactly as the bot would send it (exit code 0 also when there is no answer).")
        {
            question,
            knowledge,
            explain,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(question), parsed.GetValue(knowledge), parsed.GetValue(explain), parsed.InvocationConfiguration));
        return command;
    }

    private static int Run(string question, DirectoryInfo? knowledge, bool explain, InvocationConfiguration console)
    {
        try
        {
            var (directory, options) = KnowledgeOption.Resolve(knowledge);
            var (semantic, _) = CommandSettings.Read<SemanticOptions>(KnowledgeServiceCollectionExtensions.AddSemanticOptions);
            using var store = KnowledgeStore.Open(directory, options, logger: null, semantic);

            // One question from the terminal is worth waiting for the vectors, so it gets the bot's full answer.
            store.SemanticReady.GetAwaiter().GetResult();
            // The same reply the bot sends in a channel without citation rendering, such as the Emulator.
            var composer = new AnswerComposer(store, () => store.Knowledge);
            console.Output.WriteLine(SmallTalk.Recognise(question) switch
            {
                SmallTalkKind.Overview => AnswerText.Format(composer.Overview(question, CancellationToken.None)),
                { } smallTalk => BotMessages.For(smallTalk, store.Knowledge).Text,
                null => composer.Compose(question, null, CancellationToken.None) switch
                {
                    (_, { } composed) => AnswerText.Format(composed),
                    (var answer, null) => AnswerText.Format(answer),
                },
            });
            if (explain)
            {
                console.Output.WriteLine();
                console.Output.WriteLine(store.Explain(question));
            }

            return 0;
        }
        catch (KnowledgeValidationException ex)
        {
            KnowledgeOption.WriteProblems(ex.Problems, console.Error);
            return 1;
        }
    }
}
