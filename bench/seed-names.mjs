// Kazakhstan's 17 regions (slug, kk, ru, en) and the names the synthetic teachers are given.
export const REGIONS = [
  ['abai', 'Абай облысы', 'Абайская область', 'Abai Region'],
  ['akmola', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region'],
  ['aktobe', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region'],
  ['almaty-region', 'Алматы облысы', 'Алматинская область', 'Almaty Region'],
  ['atyrau', 'Атырау облысы', 'Атырауская область', 'Atyrau Region'],
  ['east-kazakhstan', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'East Kazakhstan Region'],
  ['jambyl', 'Жамбыл облысы', 'Жамбылская область', 'Jambyl Region'],
  ['jetisu', 'Жетісу облысы', 'Жетысуская область', 'Jetisu Region'],
  ['karaganda', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region'],
  ['kostanay', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region'],
  ['kyzylorda', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region'],
  ['mangystau', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region'],
  ['north-kazakhstan', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'North Kazakhstan Region'],
  ['pavlodar', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region'],
  ['turkistan', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region'],
  ['ulytau', 'Ұлытау облысы', 'Улытауская область', 'Ulytau Region'],
  ['west-kazakhstan', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'West Kazakhstan Region'],
];
export const FIRST = ['Aigerim', 'Dana', 'Aruzhan', 'Saule', 'Gulnara', 'Madina', 'Askar', 'Nurlan', 'Yerlan', 'Dinara', 'Zhanna', 'Bauyrzhan', 'Olga', 'Irina', 'Marat', 'Ainur', 'Kairat', 'Aliya', 'Svetlana', 'Timur'];
export const LAST = ['Nurlanova', 'Abenova', 'Sadykova', 'Ivanova', 'Zhaksybekova', 'Omarova', 'Bekov', 'Seitkali', 'Tulegenova', 'Akhmetov', 'Kim', 'Petrova', 'Iskakova', 'Mukhamedzhanov', 'Baimukhanova', 'Karimova', 'Suleimenov', 'Dzhaksylykova', 'Yessenova', 'Smagulov'];
