/** The prompt's built-in wording in this language (the keys of `i18n/messages.ts`, in order): a chunk of its own, fetched only when chosen. */
export const table =
  '友人や同僚に当社を薦める可能性はどのくらいありますか？|受け取ったものに対する全体的な満足度はいかがですか？|本日の当社とのやり取りはどのくらい簡単でしたか？|まったくない|非常に高い|非常に不満|非常に満足|非常に難しい|非常に簡単|このスコアを付けた主な理由は何ですか？|送信|スキップ|閉じる|ご意見ありがとうございました！|その他|回答について連絡を受けてもかまいません|ネットワーク待ちの回答：{n}|最小化|フィードバック|完了';
