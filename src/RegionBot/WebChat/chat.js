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

    const { token, domain, maxMessageLength } = await response.json();
    const directLine = window.WebChat.createDirectLine({ token, domain });

    // The Direct Line refuses a message longer than the bot reads (413), which Web Chat shows only as "Send
    // failed"; a notification above the send box says why, and goes once a message fits again.
    const store = window.WebChat.createStore({}, ({ dispatch }) => next => action => {
      const text = action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity && action.payload.activity.text;
      if (typeof text === 'string' && maxMessageLength) {
        if (text.length > maxMessageLength) {
          dispatch({
            type: 'WEB_CHAT/SET_NOTIFICATION',
            payload: {
              id: 'message-too-long',
              level: 'error',
              message: 'Your message has ' + text.length.toLocaleString('en-US') + ' characters; RegionBot reads at most ' +
                maxMessageLength.toLocaleString('en-US') + '. Please send a shorter question.'
            }
          });
        } else {
          dispatch({ type: 'WEB_CHAT/DISMISS_NOTIFICATION', payload: { id: 'message-too-long' } });
        }
      }

      return next(action);
    });

    window.WebChat.renderWebChat(
      {
        directLine,
        store,
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
