// Small progressive enhancements for statically rendered pages: no Blazor circuit is needed for these.
(function () {
  const themeCookie = 'mlcareer-theme';

  document.addEventListener('click', (event) => {
    const themeToggle = event.target.closest('[data-theme-toggle]');
    if (themeToggle) {
      const dark = document.documentElement.dataset.theme !== 'dark';
      document.cookie = `${themeCookie}=${dark ? 'dark' : 'light'}; path=/; max-age=31536000; samesite=lax`;
      location.reload();
      return;
    }

    const navToggle = event.target.closest('[data-nav-toggle]');
    if (navToggle) {
      const open = document.body.classList.toggle('nav-open');
      navToggle.setAttribute('aria-expanded', String(open));
      return;
    }

    // A copy button names the input whose value it copies (no inline handlers: the CSP forbids them).
    const copy = event.target.closest('[data-copy-from]');
    if (copy) {
      const input = document.getElementById(copy.dataset.copyFrom);
      if (input && navigator.clipboard) {
        navigator.clipboard.writeText(input.value).then(() => { copy.textContent = 'Copied'; });
      }
      return;
    }

    // Following a link inside the drawer closes it on a phone.
    if (event.target.closest('#nav-drawer a')) {
      document.body.classList.remove('nav-open');
    }
  });

  document.addEventListener('focusin', (event) => {
    if (event.target.matches?.('[data-select-on-focus]')) {
      event.target.select();
    }
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('nav-open')) {
      document.body.classList.remove('nav-open');
      document.querySelector('[data-nav-toggle]')?.focus();
    }
  });
})();

// <local-time datetime="ISO" data-format="date|datetime">UTC fallback</local-time>: shows the time in the reader's zone.
// The text lives in a shadow root, so Blazor can keep updating the element's own content without a conflict.
if (!customElements.get('local-time')) {
  customElements.define('local-time', class extends HTMLElement {
    static observedAttributes = ['datetime', 'data-format'];

    connectedCallback() { this.render(); }

    attributeChangedCallback() { this.render(); }

    render() {
      const when = new Date(this.getAttribute('datetime'));
      if (Number.isNaN(when.getTime())) {
        return;
      }

      const options = this.dataset.format === 'datetime' ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      root.textContent = new Intl.DateTimeFormat(undefined, options).format(when);
      this.title = when.toLocaleString();
    }
  });
}
