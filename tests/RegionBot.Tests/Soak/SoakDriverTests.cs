using RegionBot.Soak;

namespace RegionBot.Tests.Soak;

/// <summary>A small run of the soak driver on real Kestrel, so the load path is checked on every test run.</summary>
public sealed class SoakDriverTests
{
    [Fact]
    public async Task Twenty_concurrent_conversations_of_five_turns_all_get_their_own_answers()
    {
        var report = await SoakDriver.RunAsync(new SoakSettings(Conversations: 20, Turns: 5));

        Assert.Equal(100, report.Turns);
        Assert.True(report.FailedTurns == 0, string.Join(Environment.NewLine, report.Failures));
        Assert.Equal(0, report.WrongConversation);
        Assert.True(report.Passed);
        Assert.True(report.P99 >= report.P50 && report.P50 > TimeSpan.Zero);
    }
}
