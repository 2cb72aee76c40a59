namespace RegionBot.Tests.Knowledge;

/// <summary>Small knowledge files for loader and validation tests; line numbers in assertions refer to these.</summary>
internal static class KnowledgeSamples
{
    public const string Valid = """
        ---
        id: sample-source
        publisher: Sample Wire
        title: A sample article
        ---

        ## Tajikistan: a sample section
        country: Tajikistan

        ### sample-1
        kind: context

        The government closed the border crossing.

        ### sample-2
        kind: statement
        speaker: Emomali Rahmon
        role: President of Tajikistan

        "We will not recognise them," he said.
        """;
}
