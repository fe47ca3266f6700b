/**
 * The small Markdown subset Teams renders in Adaptive Card TextBlocks (bold, italic, links,
 * bulleted and numbered lists, paragraphs), turned into HTML for the adaptivecards SDK.
 * Everything else is escaped: the output is assigned to innerHTML, so nothing from the card text
 * may become markup. Links are kept only for https:, mailto: and tel: addresses.
 */

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

const SAFE_LINK = /^(https:\/\/|mailto:|tel:)/i;

/** Inline formatting on already-escaped text. */
function inline(escaped: string): string {
  return escaped
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) => {
      // href was escaped with the rest of the text: recover the author's URL, then escape it once
      const url = unescapeHtml(href);
      if (!SAFE_LINK.test(url)) return label;
      return `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${label}</a>`;
    })
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s).,;:!?])/g, '$1<em>$2</em>')
    .replace(/(^|[\s(])\*(\S(?:.*?\S)?)\*(?=$|[\s).,;:!?])/g, '$1<em>$2</em>');
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

export function markdownToHtml(text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  const html: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    let i = 0;
    while (i < lines.length) {
      const line = lines[i] ?? '';
      const list = BULLET.test(line) ? { tag: 'ul', re: BULLET } : NUMBERED.test(line) ? { tag: 'ol', re: NUMBERED } : undefined;
      if (list) {
        const items: string[] = [];
        while (i < lines.length) {
          const match = list.re.exec(lines[i] ?? '');
          if (!match) break;
          items.push(`<li>${inline(escapeHtml(match[1] ?? ''))}</li>`);
          i++;
        }
        html.push(`<${list.tag}>${items.join('')}</${list.tag}>`);
        continue;
      }
      const paragraph: string[] = [];
      while (i < lines.length && !BULLET.test(lines[i] ?? '') && !NUMBERED.test(lines[i] ?? '')) {
        paragraph.push(inline(escapeHtml(lines[i] ?? '')));
        i++;
      }
      html.push(`<p>${paragraph.join('<br>')}</p>`);
    }
  }
  return html.join('');
}
