// A new runner's replies to the questionnaire, by question id: no warning signs, running
// for two months, pain from 1.5 km. Choices are given by their ids; numbers as typed.
// Every other question (a warning sign, a yes/no) is answered no. Both the browser
// journeys and the API schema check answer as this runner.
export const newRunner = {
  age: '34',
  'pain.location': 'lower_back',
  'pain.timing': 'during',
  'pain.improving': 'better',
  'pain.leg_symptoms': 'none',
  'pain.worst': '4',
  'pain.weeks': '3',
  'pain.onset_minutes': '',
  'pain.onset_km': '1.5',
  'history.months_running': '6 weeks',  // said as people say it; the page reads it back
  'history.break_months': '0',
  'history.months_since_return': '0',
  'pain.treatment_sessions': '0',
};
