using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RegionBot.Knowledge.Loading;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Knowledge;

/// <summary>The bot refuses to start on invalid knowledge and logs the same messages as `validate`.</summary>
public sealed class InvalidKnowledgeStartupTests
{
    [Fact]
    public void The_bot_does_not_start_and_logs_each_problem_with_file_and_line()
    {
        using var folder = new TempDirectory();
        folder.Write("a.md", KnowledgeSamples.Valid.Replace("speaker: Emomali Rahmon\n", "", StringComparison.Ordinal));
        var logs = new CollectingLoggerProvider();
        using var factory = new RegionBotFactory()
            .With("RegionBot:KnowledgePath", folder.Path)
            .WithWebHostBuilder(builder => builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));

        // The start-up fails; which exception the test host reports for it varies, so the log is what is checked.
        Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var problem = Assert.Single(KnowledgeLoader.Load(folder.Path).Problems);
        Assert.Equal(15, problem.Line);
        Assert.Contains(logs.Messages, m => m == $"Invalid knowledge: a.md:15: {problem.Message}");
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider, ILogger
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Messages)
            {
                Messages.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
