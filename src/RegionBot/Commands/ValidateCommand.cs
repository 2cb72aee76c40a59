using System.CommandLine;
using RegionBot.Knowledge.Loading;

namespace RegionBot.Commands;

/// <summary><c>validate [--knowledge DIR]</c>: checks the knowledge files and prints every problem as <c>file:line: message</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var knowledge = KnowledgeOption.Create();
        var command = new Command("validate", "Check the knowledge files; print every problem as file:line: message and exit 1 when there is one.")
        {
            knowledge,
        };
        command.SetAction(parsed => Run(parsed.GetValue(knowledge), parsed.InvocationConfiguration));
        return command;
    }

    private static int Run(DirectoryInfo? knowledge, InvocationConfiguration console)
    {
        var (directory, _) = KnowledgeOption.Resolve(knowledge);
        var result = KnowledgeLoader.Load(directory);
        if (!result.IsValid)
        {
            KnowledgeOption.WriteProblems(result.Problems, console.Error);
            return 1;
        }

        var sources = result.Knowledge!.Sources.Count;
        console.Output.WriteLine($"The knowledge in {Path.GetFullPath(directory)} is valid: {result.Knowledge.Passages.Count} passages from {sources} source{(sources == 1 ? "" : "s")}.");
        return 0;
    }
}
