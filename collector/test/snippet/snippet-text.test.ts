import { describe, expect, test } from 'vitest';
// @ts-expect-error plain JavaScript served to the browser as is; no declaration file
import { fitsOneTag, snippetText } from '../../client/snippet/snippet-text.js';

const target = { scriptUrl: 'https://feedback.shop.example/hearback-0.1.0.min.js', integrity: 'sha384-abc', endpoint: 'https://feedback.shop.example/api/responses' };
const base = { survey: 'csat', type: 'csat', trigger: 'delay', triggerValue: '5', lang: 'auto', accent: '#2563eb', position: 'bottom-right', style: 'numbers' };

describe('the snippet', () => {
  test('one tag for a built-in survey after a delay: pinned file, SRI, endpoint, only the attributes that differ from the defaults', () => {
    expect(snippetText({ ...base, triggerValue: '10', lang: 'th', accent: '#16A34A' }, target)).toBe(
      '<script async src="https://feedback.shop.example/hearback-0.1.0.min.js"\n' +
      '        integrity="sha384-abc" crossorigin="anonymous"\n' +
      '        data-endpoint="https://feedback.shop.example/api/responses" data-survey="csat" data-delay="10" data-lang="th" data-accent="#16A34A"></script>');
  });

  test('the stub-queue form when the tag cannot say it: an event trigger, smileys, an own survey id', () => {
    for (const choice of [{ trigger: 'event', triggerValue: 'checkout' }, { style: 'smileys' }, { survey: 'after-checkout' }]) {
      expect(fitsOneTag({ ...base, ...choice })).toBe(false);
    }
    const text = snippetText({ ...base, survey: 'after-checkout', trigger: 'event', triggerValue: 'checkout', position: 'center' }, target);
    expect(text).toBe(
      "<script>window.hearback=window.hearback||function(){(hearback.q=hearback.q||[]).push(arguments)};\n" +
      "hearback('init',{endpoint:'https://feedback.shop.example/api/responses',theme:{accent:'#2563eb',position:'center'},surveys:[{id:'after-checkout',type:'csat',trigger:{event:'checkout'}}]});</script>\n" +
      '<script async src="https://feedback.shop.example/hearback-0.1.0.min.js"\n' +
      '        integrity="sha384-abc" crossorigin="anonymous"></script>');
  });

  test('nothing typed into a field can end the inline script or break out of a string', () => {
    const text = snippetText({ ...base, trigger: 'event', triggerValue: "x'</script><script>alert(1)//" }, target);
    expect(text.match(/<\/script>/g)).toHaveLength(2); // the snippet's own two closing tags
    expect(text).toContain("trigger:{event:'x\\'\\x3c/script>\\x3cscript>alert(1)//'}");
  });

  test('numbers: a bad or negative count falls back or is clamped, never NaN', () => {
    expect(snippetText({ ...base, triggerValue: 'soon' }, target)).toContain('data-delay="5"');
    expect(snippetText({ ...base, trigger: 'scroll', triggerValue: '-20' }, target)).toContain('trigger:{scroll:0}');
    expect(snippetText({ ...base, trigger: 'exitIntent', triggerValue: '' }, target)).toContain('trigger:{exitIntent:true}');
  });
});
