/** The prompt's built-in wording in this language (the keys of `i18n/messages.ts`, in order): a chunk of its own, fetched only when chosen. */
export const table =
  '친구나 동료에게 저희를 추천할 가능성은 얼마나 됩니까?|받으신 것에 대한 전반적인 만족도는 어떠십니까?|오늘 저희와의 일 처리는 얼마나 쉬웠습니까?|전혀 없음|매우 높음|매우 불만족|매우 만족|매우 어려움|매우 쉬움|이 점수를 주신 주된 이유는 무엇입니까?|보내기|건너뛰기|닫기|의견을 보내 주셔서 감사합니다!|기타|제 답변에 대해 연락해도 됩니다|네트워크 대기 중인 답변: {n}|최소화|피드백|완료|전화번호|이메일|LINE ID|전화번호를 입력하세요 (6–15자리)|name@example.com 형식의 이메일 주소를 입력하세요|LINE ID를 입력하세요 (영문, 숫자, ".", "_", "-" 4–20자)|연락 방법을 하나 이상 입력하거나 체크를 해제하세요';
