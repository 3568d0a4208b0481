import { describe, expect, it } from 'vitest';
import { escapeHtml, html, SafeHtml } from './html.js';

describe('server-rendered HTML', () => {
  it('§5: escapes every interpolated value, including in attributes', () => {
    const name = `<img src=x onerror="alert('x')">&`;
    expect(html`<a title="${name}">${name}</a>`.value).toBe(
      '<a title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;</a>',
    );
    expect(escapeHtml('"\'<>&')).toBe('&quot;&#39;&lt;&gt;&amp;');
  });

  it('§5: nests fragments without escaping them twice, and leaves out empty values', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}${null}${false}${undefined}</ul>`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(html`${new SafeHtml('<br>')}`.value).toBe('<br>');
  });
});
