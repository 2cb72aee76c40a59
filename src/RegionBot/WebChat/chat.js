// Starts the stock Web Chat against whichever Direct Line the bot hands out: its own local one, or Azure's
// in production. The bot's token endpoint keeps the Direct Line secret on the server.
(async function () {
  'use strict';

  const problem = document.getElementById('problem');
  const chat = document.getElementById('webchat');
  const phone = window.matchMedia('(max-width: 600px)').matches;

  // The send box is ready once Web Chat has drawn it; the user can type straight away.
  function focusSendBox() {
    const input = chat.querySelector('[data-id="webchat-sendbox-input"], .webchat__send-box-text-box__input');
    if (input) {
      input.focus();
      return;
    }

    window.requestAnimationFrame(focusSendBox);
  }

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
          botAvatarInitials: phone ? undefined : 'RB',
          userAvatarInitials: phone ? undefined : 'You',
          hideUploadButton: true,
          bubbleMaxWidth: 640,
          bubbleMinWidth: phone ? 0 : 120,
          suggestedActionLayout: 'flow'
        }
      },
      chat
    );
    focusSendBox();
  } catch (error) {
    problem.textContent = error.message;
    problem.hidden = false;
  }
})();
