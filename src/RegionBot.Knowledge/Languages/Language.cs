namespace RegionBot.Knowledge.Languages;

/// <summary>The language a message is written in, as far as the bot is concerned.</summary>
public enum Language
{
    /// <summary>English: the knowledge's own language and the default.</summary>
    English,

    /// <summary>Russian: the language the five countries share; questions are read through the Russian lexicon.</summary>
    Russian,

    /// <summary>A language the bot does not read (Kazakh, Uzbek, Tajik, Turkmen, Kyrgyz, Chinese, ...).</summary>
    Unsupported,
}
