// Generates the article-body benchmark: test-fixtures/bodies/<kind>-NN.html and gold.json ({ file, body }).
//
// Pages wrap a story (English, Chinese or Japanese) in the chrome extractors leave behind: share bars at
// the top and bottom, share buttons between paragraphs, breadcrumbs, "Skip to content", menus and related
// link lists inside the article. The gold body is the story's own text: paragraphs, sub-headings and the
// short list items that belong to it (those must be kept). Reproducible:
//   node scripts/gen-body-pages.mjs
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELATED_TITLES, STORIES, UNSPACED_STORIES } from './pubdate-content.mjs';

const OUT = join(process.cwd(), 'test-fixtures', 'bodies');
let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

const SHARE_EN = [
  () => `<div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Share on Twitter</a><a href="#">Email</a><button>Copy link</button></div>`,
  () => `<ul class="social"><li><a href="#">Facebook</a></li><li><a href="#">Twitter</a></li><li><a href="#">LinkedIn</a></li><li><a href="#">WhatsApp</a></li></ul>`,
  () => `<div class="tools"><button>Tweet</button> <button>Share</button> <button>Save</button></div>`,
  () => `<p><a href="#">Share this article</a></p><p><a href="#">Share via Email</a></p>`,
];
const SHARE_ZH = () => `<div class="share"><p><a href="#">分享到微信</a></p><p><a href="#">分享到微博</a></p><p><a href="#">分享到QQ空间</a></p></div>`;
const SHARE_JA = () => `<div class="sns"><p><a href="#">シェア</a></p><p><a href="#">ツイート</a></p><p><a href="#">LINEで送る</a></p></div>`;
const MENU_EN = () => `<div class="section-menu"><p><a href="/news">News</a></p><p><a href="/sport">Sport</a></p><p><a href="/business">Business</a></p><p><a href="/culture">Culture</a></p></div>`;
const CRUMB = () => `<p class="crumbs">${pick(['Home › News › Local', 'Home | World | Europe', 'Home > Politics > Elections'])}</p>`;
const RELATED = () => `<div class="inline-related"><p><a href="/r1">${esc(pick(RELATED_TITLES))}</a></p><p><a href="/r2">${esc(pick(RELATED_TITLES))}</a></p><p><a href="/r3">${esc(pick(RELATED_TITLES))}</a></p></div>`;

const SUBHEADS = ['What happens next', 'The vote', 'Reaction', 'Background', 'Costs'];
const KEEP_LIST = [['Two new bus lanes', 'Wider pavements', 'New crossings'], ['Six new nurses', 'Longer visiting hours'], ['Free parking on Sundays', 'A new market hall']];

function page(lang, title, inner) {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><title>${esc(title)}</title><meta property="og:title" content="${esc(title)}"></head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About</a></li></ul></nav></header>
<main id="main"><article>
<h1>${esc(title)}</h1>
${inner}
</article></main>
<footer><p>© 2024 Example Media</p></footer>
</body>
</html>
`;
}

mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) if (f.endsWith('.html')) rmSync(join(OUT, f));
const gold = [];
let n = 0;
const write = (kind, html, body) => {
  n++;
  const file = `${kind}-${String(n).padStart(2, '0')}.html`;
  writeFileSync(join(OUT, file), html);
  gold.push({ file, body: body.join('\n') });
};

// English: share bars above and below, buttons and related links between paragraphs, kept sub-headings and lists.
for (const story of STORIES) {
  const share = pick(SHARE_EN);
  const parts = [share(), rand() < 0.5 ? CRUMB() : MENU_EN()];
  const body = [];
  story.paragraphs.forEach((p, i) => {
    parts.push(`<p>${esc(p)}</p>`);
    body.push(p);
    if (i === 0 && rand() < 0.5) parts.push(pick(SHARE_EN)());
    if (i === 1) {
      if (rand() < 0.5) {
        const head = pick(SUBHEADS);
        parts.push(`<h2>${head}</h2>`);
        body.push(head);
      } else {
        const items = pick(KEEP_LIST);
        parts.push(`<ul>${items.map((x) => `<li>${x}</li>`).join('')}</ul>`);
        body.push(...items);
      }
      parts.push(RELATED());
    }
  });
  parts.push(share());
  write('en', page('en', story.title, parts.join('\n')), body);
}

// Chinese and Japanese: the same chrome in their languages; these pages have no spaces at all.
for (const story of UNSPACED_STORIES) {
  const share = story.lang.startsWith('zh') ? SHARE_ZH : SHARE_JA;
  const parts = [share()];
  story.paragraphs.forEach((p) => parts.push(`<p>${esc(p)}</p>`));
  parts.push(share());
  write(story.lang.slice(0, 2), page(story.lang, story.title, parts.join('\n')), story.paragraphs);
}

writeFileSync(join(OUT, 'gold.json'), `[\n${gold.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
console.log(`${gold.length} pages → ${OUT}`);
