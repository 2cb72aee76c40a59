using RegionBot.Conversations;
using RegionBot.Evaluation;
using RegionBot.Knowledge.Model;
using RegionBot.Knowledge.Search;
using RegionBot.Tests.Support;

namespace RegionBot.Tests.Conversations;

/// <summary>
/// Follow-up suggestions are checked by lexical searches, which never run the model, yet every suggestion offered
/// still leads, when clicked (a hybrid search with the real model), to a passage it promises that was not shown.
/// </summary>
public sealed class FollowUpSuggestionsTests(ShippedKnowledgeFixture knowledge) : IClassFixture<ShippedKnowledgeFixture>
{
    private const string WhatAbout = "What about ";
    private const string WhatElse = "What else did ";

    [Fact]
    public void Every_suggestion_offered_for_the_evaluation_questions_leads_to_a_new_passage_of_what_it_promises()
    {
        using var suggestions = new FollowUpSuggestions(knowledge.Store);
        var questions = QuestionSet.Load(RepositoryLayout.DefaultQuestionsFile(RepositoryRoot.Path)).Where(q => q.IsAnswerable).Select(q => q.Question);
        var checkedSuggestions = 0;
        var broken = new List<string>();
        foreach (var question in questions)
        {
            var answer = knowledge.Store.Search(question);
            foreach (var suggestion in suggestions.For(answer, CancellationToken.None))
            {
                checkedSuggestions++;
                var clicked = knowledge.Store.Search(suggestion, SearchContext.From(answer));
                Func<Passage, bool> promised = suggestion.StartsWith(WhatAbout, StringComparison.Ordinal)
                    ? passage => passage.Country == suggestion[WhatAbout.Length..^1]
                    : passage => passage.Speaker == suggestion[WhatElse.Length..^" say?".Length];
                var shown = answer.Hits.Select(h => h.Passage.Id).ToHashSet(StringComparer.Ordinal);
                if (clicked.Clarify.Count > 0 || !clicked.Hits.Any(hit => promised(hit.Passage) && !shown.Contains(hit.Passage.Id)))
                {
                    broken.Add($"{question} -> {suggestion}: {string.Join(", ", clicked.Hits.Select(h => h.Passage.Id))}");
                }
            }
        }

        Assert.True(checkedSuggestions >= 50, $"only {checkedSuggestions} suggestions were offered");
        Assert.Empty(broken);
    }

    [Fact]
    public void Checking_suggestions_never_runs_the_model()
    {
        using var suggestions = new FollowUpSuggestions(knowledge.Store);
        var answer = knowledge.Store.Search("How did Tajikistan respond to the Taliban takeover?");
        Assert.True(answer.HasAnswer);
        var before = knowledge.Store.Status.Semantic;

        var offered = suggestions.For(answer, CancellationToken.None);

        var after = knowledge.Store.Status.Semantic;
        Assert.NotEmpty(offered);
        Assert.True(after.Searches > before.Searches, "the suggestions were checked by searching");
        Assert.Equal(before.SemanticSearches, after.SemanticSearches);
        Assert.Equal(before.QuestionsEmbedded + before.QuestionCacheHits, after.QuestionsEmbedded + after.QuestionCacheHits);
    }
}
