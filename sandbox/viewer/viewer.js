/* global document, sessionStorage, window, AdaptiveCards */
// The sandbox viewer's only script: renders Adaptive Cards with Teams' host config, and reloads the page
// when the sandbox's state changes (if the user asked for it).
(function () {
  const theme = document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
  const containers = document.querySelectorAll('[data-card]');
  if (containers.length && typeof AdaptiveCards !== 'undefined') {
    fetch('/_sandbox/assets/teams-' + theme + '.hostconfig.json')
      .then(function (response) {
        return response.json();
      })
      .then(function (hostConfig) {
        containers.forEach(function (container) {
          const source = document.getElementById(container.dataset.card);
          try {
            const card = new AdaptiveCards.AdaptiveCard();
            card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
            card.parse(JSON.parse(source ? source.textContent : '{}'));
            const rendered = card.render();
            container.textContent = '';
            if (rendered) container.appendChild(rendered);
          } catch (error) {
            container.textContent =
              'Kortet kunne ikke vises: ' + (error && error.message ? error.message : String(error));
          }
        });
      })
      .catch(function () {
        containers.forEach(function (container) {
          container.textContent = 'Værtskonfigurationen kunne ikke hentes.';
        });
      });
  }

  const box = document.getElementById('auto-refresh');
  if (!box) return;
  const key = 'sandbox-auto-refresh';
  box.checked = sessionStorage.getItem(key) === '1';
  box.addEventListener('change', function () {
    sessionStorage.setItem(key, box.checked ? '1' : '0');
  });
  const seen = Number(document.body.dataset.revision);
  setInterval(function () {
    if (!box.checked) return;
    fetch('/_sandbox/revision')
      .then(function (response) {
        return response.json();
      })
      .then(function (body) {
        if (body.revision !== seen) window.location.reload();
      })
      .catch(function () {});
  }, 3000);
})();
