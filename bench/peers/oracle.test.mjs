// The scan oracle on hand-written cases: what each query class must and must not accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, tests } from './oracle.mjs';

const accepts = (query, text) => tests(query).every((t) => t.test(normalize(text)));

test('a word is found whole, in any case, with Latin and Cyrillic marks ignored', () => {
  const q = { class: 'word', text: 'coopération' };
  assert.ok(accepts(q, 'Cooperation between the United Nations'));
  assert.ok(accepts(q, 'la COOPÉRATION policière'));
  assert.ok(!accepts(q, 'cooperations'));
  assert.ok(!accepts(q, 'noncooperation'));
  assert.ok(accepts({ class: 'word', text: 'ёлка' }, 'Елка'));
});

test('every word of a word query must be there, in any order', () => {
  const q = { class: 'arabic', text: 'حقوق الإنسان' };
  assert.ok(accepts(q, 'تعزيز الإنسان و حقوق'));
  assert.ok(!accepts(q, 'حقوق الطفل'));
});

test('a prefix query takes the last word as the start of a word', () => {
  const q = { class: 'prefix', text: 'police coop' };
  assert.ok(accepts(q, 'cooperation of the police'));
  assert.ok(!accepts(q, 'police and noncooperation'));
  assert.ok(!accepts(q, 'policemen cooperate'));
});

test('a phrase is its words in a row, across punctuation and footnote markers', () => {
  const q = { class: 'phrase', text: 'transnational organized crime' };
  assert.ok(accepts(q, 'Convention against Transnational Organized Crime¹⁰ and'));
  assert.ok(accepts(q, 'transnational, organized crime'));
  assert.ok(!accepts(q, 'organized transnational crime'));
  assert.ok(!accepts(q, 'transnational organized crimes'));
});

test('a phrase runs across a marker in every printed form', () => {
  const q = { class: 'phrase', text: 'Trafficking in Persons in which' };
  for (const text of [
    'Trafficking in Persons,⁷ in which', // marker after a comma (79/136 en pp21)
    'Trafficking in Persons⁷, in which', // before a comma (79/136 fr pp9: Unies³, notamment)
    'Trafficking in Persons⁷; in which',
    'Trafficking in Persons.¹⁰ In which',
    'Trafficking in Persons:⁷ in which',
    'Trafficking in “Persons”⁷ in which', // after a closing quote
    'Trafficking in Persons⁽⁷⁾ in which', // in parentheses, as the UN's Arabic prints them
  ]) {
    assert.ok(accepts(q, text), text);
  }
  assert.ok(accepts({ class: 'phrase', text: 'الاتجار بالأشخاص الذي' }, 'الاتجار بالأشخاص⁽⁷⁾، الذي'));
  assert.ok(!accepts(q, 'Trafficking in Persons⁷ and in which'));
});

test('a typo query is judged by the word meant', () => {
  assert.ok(accepts({ class: 'typo', text: 'intrpol', intended: 'interpol' }, 'INTERPOL databases'));
  assert.ok(!accepts({ class: 'typo', text: 'intrpol', intended: 'interpol' }, 'intrpol'));
});

test('Chinese is a substring', () => {
  const q = { class: 'chinese', text: '国际刑警' };
  assert.ok(accepts(q, '联合国与国际刑事警察组织（国际刑警组织）之间的合作'));
  assert.ok(!accepts(q, '国际刑事警察组织'));
});
