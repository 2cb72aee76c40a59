namespace RegionBot.Knowledge.Search;

/// <summary>Completes a follow-up question from the previous turn of the conversation.</summary>
internal sealed class FollowUpCompleter(QuestionInterpreter interpreter)
{
    /// <summary>
    /// Completes a follow-up from the previous turn: a question that only names a country or person takes the
    /// previous subject ("What about Tajikistan?"), and one that points back ("What did he say about it?") takes
    /// the previous countries and speakers too.
    /// </summary>
    public (InterpretedQuestion Question, bool IsFollowUp) Complete(InterpretedQuestion question, SearchContext? context)
    {
        if (context is null)
        {
            return (question, false);
        }

        // "What else?" and "What did he say about terrorism?" stay with the previous countries and speakers;
        // "Which countries ...?" asks about all of them, whatever the previous turn was about.
        var names = question.Countries.Count > 0 || question.Speakers.Count > 0;
        var pointsBack = question.Shape.RefersBack || question.Shape.AsksForMore;
        var takesPlace = !names && pointsBack && !(question.Shape.AsksAboutSeveral && question.HasSubject)
            && (context.Countries.Count > 0 || context.Speakers.Count > 0);
        var asksNothingElse = question.Concepts.All(c => c.Kind == ConceptKind.Name);
        var takesSubject = asksNothingElse && !question.Shape.AsksForMore && context.Topic is not null
            && (question.Shape.OnlyNames || question.Shape.RefersBack);
        if (!takesPlace && !takesSubject)
        {
            return (question, false);
        }

        var previous = takesSubject ? interpreter.Interpret(context.Topic!) : null;
        return (question with
        {
            Countries = takesPlace ? context.Countries : question.Countries,
            Speakers = takesPlace ? context.Speakers : question.Speakers,
            Concepts = previous is null ? question.Concepts : [.. question.Concepts, .. previous.Concepts],
        }, true);
    }
}
