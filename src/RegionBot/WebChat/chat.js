// Starts the stock Web Chat against whichever Direct Line the bot hands out: its own local one, or Azure's
// in production. The bot's token endpoint keeps the Direct Line secret on the server.
(async function () {
  'use strict';

  const problem = document.getElementById('problem');

  try {
    const response = await fetch('api/directline/token', { method: 'POST' });
    if (!response.ok) {
      throw new Error('The chat service is not available right now (' + response.status + ').');
    }

    const { token, domain } = await response.json();
    const directLine = window.WebChat.createDirectLine({ token, domain });

    window.WebChat.renderWebChat(
      {
        directLine,
        locale: 'en-US',
        styleOptions: {
          botAvatarInitials: 'RB',
          userAvatarInitials: 'You',
          hideUploadButton: true,
          bubbleMaxWidth: 640,
          suggestedActionLayout: 'flow'
        }
      },
      document.getElementById('webchat')
    );
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
  }
})();
