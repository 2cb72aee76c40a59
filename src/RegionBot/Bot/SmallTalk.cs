using System.Text;

namespace RegionBot.Bot;

/// <summary>What a message that is not a question for the sources asks of the bot itself.</summary>
public enum SmallTalkKind
{
    Greeting,
    Thanks,
    Goodbye,
    Identity,
    Help,
    Sources,
    Recency,
    Overview,
}

/// <summary>
/// Recognises small talk and questions about the bot by their shape: the whole message must be one of the known
/// phrasings (in any casing, without punctuation, with stretched letters like "thaaanks" shortened and one typo per
/// longer word forgiven), optionally after a greeting or thanks and before "please" or the bot's name. A message
/// that merely contains "hi" or "thanks" among other words is a question, and goes to the search.
/// </summary>
public static class SmallTalk
{
    private static readonly (SmallTalkKind Kind, string[] Phrases)[] Shapes =
    [
        (SmallTalkKind.Greeting, [
            "hi", "hello", "hey", "hiya", "howdy", "yo", "hallo", "greetings", "good morning", "good afternoon",
            "good evening", "morning", "hi there", "hello there", "hey there", "sup", "whats up", "how are you",
            "how are you doing", "hows it going", "hows your day", "hows your day going", "how is your day",
            "how is your day going", "how was your day", "how are things", "hows things", "salam", "salem", "privet",
            "привет", "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер", "салам", "приветствую",
            "как дела", "здрасте", "хай"]),
        (SmallTalkKind.Thanks, [
            "thanks", "thank you", "thx", "thanx", "ty", "tnx", "cheers", "thanks a lot", "many thanks",
            "thank you very much", "thanks very much", "thanks so much", "thank you so much", "great thanks",
            "ok thanks", "okay thanks", "thanks that helps", "that helps", "perfect", "great", "nice", "cool", "ok",
            "okay", "got it", "awesome", "interesting", "i see", "understood", "makes sense", "good to know",
            "спасибо", "спс", "благодарю", "большое спасибо", "спасибо большое", "ок спасибо", "понятно", "ясно",
            "отлично", "хорошо", "супер", "понял", "поняла", "интересно", "ок", "окей"]),
        (SmallTalkKind.Goodbye, [
            "bye", "goodbye", "good bye", "bye bye", "see you", "see ya", "cya", "later", "see you later", "farewell",
            "good night", "thats all", "that is all", "im done", "i am done", "quit", "exit", "take care",
            "пока", "до свидания", "всего доброго", "до встречи", "на этом все", "это все", "спокойной ночи"]),
        (SmallTalkKind.Identity, [
            "who are you", "what are you", "who r u", "what r u", "what is regionbot", "whats regionbot",
            "who is regionbot", "who is this", "what is this", "introduce yourself", "are you a bot", "are you human",
            "are you a robot", "are you an ai", "who made you", "who built you", "what is your name", "whats your name",
            "tell me about yourself", "what is this bot", "what kind of bot are you",
            "кто ты", "ты кто", "что ты такое", "кто вы", "вы кто", "ты бот", "что это за бот", "как тебя зовут",
            "расскажи о себе", "кто тебя создал", "ты человек"]),
        (SmallTalkKind.Help, [
            "help", "help me", "menu", "start", "commands", "options", "what can you do", "what do you do",
            "what can i ask", "what can i ask you", "what should i ask", "how does this work", "how do i use this",
            "how do you work", "what do you know", "what do you know about", "what questions can i ask",
            "can you help", "can you help me", "what can you tell me", "what can you tell me about", "what topics",
            "what topics do you cover", "what do you cover", "what can you answer", "what can you help with",
            "what are you able to do", "how can you help", "how can you help me", "instructions", "examples",
            "помощь", "помоги", "помогите", "справка", "меню", "что ты умеешь", "что ты можешь", "что умеешь",
            "что можно спросить", "о чем можно спросить", "что ты знаешь", "как тобой пользоваться", "примеры",
            "какие вопросы можно задать", "с чем ты можешь помочь"]),
        (SmallTalkKind.Sources, [
            "sources", "source", "your sources", "what are your sources", "what is your source", "whats your source",
            "what are the sources", "what sources", "which sources", "which sources do you use",
            "what sources do you use", "what sources do you have", "list sources", "list your sources",
            "show sources", "show me your sources", "where does your information come from",
            "where do you get your information", "where do you get your information from", "where is this from",
            "what articles", "which articles", "what articles do you use", "what articles do you have",
            "what is your data", "what data do you use", "references", "cite your sources",
            "where does this come from", "what do you base this on", "what is your knowledge based on",
            "who wrote this", "who wrote this article", "who wrote the article", "who is the author",
            "who is the author of this article", "who published this", "who published this article",
            "what are your answers based on", "what do you read",
            "источники", "твои источники", "какие источники", "какие у тебя источники", "откуда информация",
            "откуда ты берешь информацию", "на чем основаны ответы", "какие статьи", "кто написал статью",
            "кто автор статьи"]),
        (SmallTalkKind.Recency, [
            "whats new", "what is new", "whats the latest", "what is the latest", "whats the latest news",
            "what is the latest news", "latest news", "the latest", "news", "any news", "anything new",
            "how recent is this", "how recent is your information", "how recent are your sources",
            "how recent is your data", "how up to date are you", "how up to date is this", "is this up to date",
            "are you up to date", "is this current", "how current is this", "how old is this",
            "how old is your information", "how old are your sources", "when was this written",
            "when was this article written", "when was the article written", "when were your sources written",
            "when were your sources published", "when is this from", "what date is this", "date of the article",
            "date of your sources", "when was it published", "when was this published", "when was the article published",
            "when was this article published", "when was this piece published",
            "whats the date of the article", "what is the date of the article", "last update",
            "when were you updated", "when was this updated", "when was your information updated",
            "что нового", "последние новости", "новости", "насколько свежая информация", "насколько актуальны данные",
            "когда написана статья", "когда опубликована статья", "какой даты источники", "когда обновлялась информация"]),
        (SmallTalkKind.Overview, [
            "overview", "an overview", "give me an overview", "give an overview", "summary", "a summary",
            "give me a summary", "summarize", "summarise", "summarize the article", "summarise the article",
            "summarize the articles", "summarise the articles", "summarize it", "summarise it", "summarize this",
            "summarise this", "summarize your sources", "summarise your sources", "sum up", "sum it up", "tldr",
            "tl dr", "how did the region react", "how did the region respond", "how has the region reacted",
            "how has the region responded", "how did central asia react", "how did central asia respond",
            "how did the neighbours react", "how did the neighbors react", "how did afghanistans neighbours react",
            "how did afghanistans neighbors react", "how did the countries react", "how did the countries respond",
            "what happened", "overall picture", "the big picture", "what is the overall picture",
            "what is the article about", "what is this article about", "whats the article about",
            "what are the articles about", "main points", "key points", "what are the main points",
            "what are the key points", "give me the main points", "give me the key points",
            "обзор", "дай обзор", "краткий обзор", "кратко", "вкратце", "резюме", "главное", "основные моменты",
            "как отреагировал регион", "как отреагировала центральная азия", "как отреагировали соседи",
            "о чем статья", "общая картина"]),
    ];

    /// <summary>Words around a phrase that change nothing: "thanks bot", "help please", "ok so what can you do".</summary>
    private static readonly HashSet<string> TrailingFiller = new(StringComparer.Ordinal)
    {
        "please", "pls", "plz", "bot", "regionbot", "then", "again", "now", "today", "mate", "everyone", "all",
        "пожалуйста", "бот", "плиз", "еще", "всем",
    };

    private static readonly string[] LeadingFiller =
        ["ok so", "okay so", "so", "and", "well", "please", "hi", "hello", "hey", "good morning", "good afternoon",
         "good evening", "ok", "okay", "thanks", "thank you", "great", "cool",
         "привет", "здравствуйте", "спасибо", "ок", "хорошо", "а", "ну", "пожалуйста"];

    /// <summary>What the message asks of the bot, or null when it is a question for the sources.</summary>
    public static SmallTalkKind? Recognise(string message)
    {
        var trimmed = message.Trim();
        if (trimmed is "?" or "/?" or "/help" or "/start")
        {
            return SmallTalkKind.Help;
        }

        var words = Words(trimmed);
        if (words.Count == 0 || words.Count > 12)
        {
            return null;
        }

        while (words.Count > 1 && TrailingFiller.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        if (Match(words) is { } kind)
        {
            return kind;
        }

        // "hi, what can you do?", "thanks, bye": the greeting or thanks leads into what is really asked.
        foreach (var filler in LeadingFiller)
        {
            var lead = filler.Split(' ');
            if (words.Count > lead.Length && words.Take(lead.Length).SequenceEqual(lead, StringComparer.Ordinal)
                && Match(words.Skip(lead.Length).ToList()) is { } rest)
            {
                return rest;
            }
        }

        return null;
    }

    private static SmallTalkKind? Match(List<string> words)
    {
        foreach (var (kind, phrases) in Shapes)
        {
            foreach (var phrase in phrases)
            {
                var expected = phrase.Split(' ');
                if (expected.Length == words.Count && expected.Zip(words).All(pair => SameWord(pair.First, pair.Second)))
                {
                    return kind;
                }
            }
        }

        return null;
    }

    /// <summary>The same word, or one typo away (a letter added, missing, changed or two swapped) when both have four letters or more.</summary>
    private static bool SameWord(string expected, string actual) =>
        string.Equals(expected, actual, StringComparison.Ordinal)
        || (expected.Length >= 4 && actual.Length >= 4 && OneEditApart(expected, actual));

    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            var swapped = i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2));
            return swapped || a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1));
        }

        return a.Length > b.Length ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i)) : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>Lower-case words without punctuation or apostrophes; a letter stretched three times or more counts once.</summary>
    private static List<string> Words(string text)
    {
        var cleaned = new StringBuilder(text.Length);
        // "ё" is written as "е" as often as not; the phrases use "е".
        foreach (var c in text.ToLowerInvariant().Replace('ё', 'е'))
        {
            if (c is '\'' or '’' or '‘')
            {
                continue;
            }

            var letter = char.IsLetterOrDigit(c) ? c : ' ';
            if (char.IsLetter(letter) && cleaned.Length >= 2 && cleaned[^1] == letter && cleaned[^2] == letter)
            {
                continue;
            }

            cleaned.Append(letter);
        }

        // "thaaanks" became "thaanks": a doubled letter that the phrase does not double is one typo, forgiven.
        return cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
    }
}
