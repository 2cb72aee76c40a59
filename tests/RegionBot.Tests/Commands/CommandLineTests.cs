using RegionBot.Commands;
using RegionBot.Tests.Knowledge;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Commands;

/// <summary>The terminal commands, run the way `dotnet run --project src/RegionBot -- ...` runs them.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory folder = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Ask_prints_the_answer_with_its_attribution_and_exits_0()
    {
        var exitCode = Run("ask", "Does Kazakhstan recognise the Taliban?", "--knowledge", RepositoryRoot.Knowledge);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.Contains("Kazakhstan does not recognise the Taliban-ruled government", text, StringComparison.Ordinal);
        Assert.Contains("Akan Rakhmetullin, Kazakhstan's Deputy Minister of Foreign Affairs", text, StringComparison.Ordinal);
        Assert.Contains("*Source: TRT World, “All eyes are on Central Asia”, section “Kazakhstan: military mobilisation”.*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_without_an_answer_says_so_lists_the_countries_and_exits_0()
    {
        var exitCode = Run("ask", "What is Mongolia's position on the Taliban?", "--knowledge", RepositoryRoot.Knowledge);

        Assert.Equal(0, exitCode);
        Assert.Contains("I have no information on that", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan and Uzbekistan", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_with_explain_shows_how_the_question_was_understood()
    {
        Run("ask", "Does Kazakstan recognize the Taliban?", "--knowledge", RepositoryRoot.Knowledge, "--explain");

        Assert.Contains("countries: Kazakhstan", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("concept 'recognise'", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_accepts_the_shipped_knowledge()
    {
        var exitCode = Run("validate", "--knowledge", RepositoryRoot.Knowledge);

        Assert.Equal(0, exitCode);
        Assert.Contains("is valid: 28 passages from 1 source.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_prints_every_problem_with_file_and_line_and_exits_1()
    {
        folder.Write("a.md", KnowledgeSamples.Valid.Replace("kind: context\n", "kind: gossip\n", StringComparison.Ordinal));
        folder.Write("b.md", "no front matter\n");

        var exitCode = Run("validate", "--knowledge", folder.Path);

        Assert.Equal(1, exitCode);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("a.md:11: passage 'sample-1' has unknown kind 'gossip'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("b.md:1: the file must start with a front-matter header", StringComparison.Ordinal));
        Assert.Equal("2 problems in the knowledge.", lines[^1]);
    }

    [Fact]
    public void Ask_on_invalid_knowledge_reports_the_problems_and_exits_1()
    {
        folder.Write("a.md", KnowledgeSamples.Valid.Replace("country: Tajikistan\n", "", StringComparison.Ordinal));

        var exitCode = Run("ask", "Did Tajikistan close the border?", "--knowledge", folder.Path);

        Assert.Equal(1, exitCode);
        Assert.Contains("a.md:7: section 'Tajikistan: a sample section' has no country", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask")]
    [InlineData("ask", "one", "two")]
    [InlineData("validate", "extra")]
    [InlineData("ask", "question", "--knowledge")]
    public void Wrong_arguments_print_the_usage_and_exit_2(params string[] args)
    {
        Assert.Equal(2, Run(args));
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("imprt", "x")]
    [InlineData("asks", "Does Kazakhstan recognise the Taliban?")]
    [InlineData("ask", "question", "--bogus")]
    [InlineData("validate", "--knowlege", "dir")]
    [InlineData("report", "--explain")]
    public void Unknown_commands_and_options_print_the_usage_and_exit_2(params string[] args)
    {
        Assert.Equal(CommandLine.UsageError, Run(args));
        Assert.Contains("Usage:", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void A_word_that_is_no_command_is_named_as_such()
    {
        Assert.Equal(CommandLine.UsageError, Run("imprt", "x"));

        Assert.StartsWith("'imprt' is not a command.", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("validate", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ask", "--explain")]
    [InlineData("validate", "--knowledge")]
    [InlineData("report", "--feedback")]
    public void Each_command_explains_itself_with_help(string command, string option)
    {
        Assert.Equal(0, Run(command, "--help"));

        var help = output.ToString();
        Assert.Contains("Usage:", help, StringComparison.Ordinal);
        Assert.Contains(command, help, StringComparison.Ordinal);
        Assert.Contains(option, help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    public void Help_lists_every_command(string help)
    {
        Assert.Equal(0, Run(help));

        Assert.Contains("ask", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("validate", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("report", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--MicrosoftAppId", "x")]
    [InlineData("RegionBot:PassagesPerAnswer=5")]
    public void No_command_or_host_settings_start_the_bot(params string[] args)
    {
        Assert.Null(CommandLine.TryRun(args, output, error));
    }

    private int Run(params string[] args) => CommandLine.TryRun(args, output, error) ?? throw new InvalidOperationException("not a command");
}
