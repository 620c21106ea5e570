/** The prompt's built-in wording in this language (the keys of `i18n/messages.ts`, in order): a chunk of its own, fetched only when chosen. */
export const table =
  '您向朋友或同事推荐我们的可能性有多大？|您对所收到的产品或服务的总体满意度如何？|今天与我们打交道有多容易？|完全不可能|极有可能|非常不满意|非常满意|非常困难|非常容易|您给出这个评分的主要原因是什么？|提交|跳过|关闭|感谢您的反馈！|其他|可以就我的回答联系我|等待网络的回答：{n}|最小化|反馈|完成|电话|电子邮件|LINE ID|请输入电话号码：6–15 位数字|请输入电子邮件地址，例如 name@example.com|请输入 LINE ID：4–20 个字母、数字、"."、"_" 或 "-"|请至少留下一种联系方式，或取消勾选';
