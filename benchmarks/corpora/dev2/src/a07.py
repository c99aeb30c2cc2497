from lib import *

# ---------------------------------------------------------------- d2-en-005
art('d2-en-005', 'Kurdistan 24', '2024-04-27', 'en', '''
Four workers killed in drone attack on Khor Mor gas field

ERBIL (Kurdistan 24) - Four workers were killed and three others injured when an explosive-laden drone struck the Khor Mor gas field in Sulaimani province's Chamchamal district on Friday evening, the Kurdistan Region's Ministry of Natural Resources said on Saturday.

The drone hit a storage area inside the facility, operated by the UAE-based Dana Gas and Pearl Petroleum, setting off a large fire that civil defence teams brought under control after several hours. All four victims were foreign nationals employed by a subcontractor, a company source told Kurdistan 24.

The attack forced the suspension of gas supplies to power stations in Erbil and Sulaimani, cutting around 2,500 megawatts of electricity from the grid, according to the Region's Ministry of Electricity.

No group has claimed responsibility. Kurdish officials have previously accused Iran-backed militias of targeting the field, a charge the groups deny.

Kurdistan Region Prime Minister Masrour Barzani condemned the "terrorist attack" and called on the federal government to "identify and punish the perpetrators."

Iraqi Prime Minister Mohammed Shia al-Sudani ordered the formation of a high-level committee to investigate the attack.

Khor Mor has been targeted repeatedly by rockets and drones since 2022, including an attack in January last year that caused no casualties.

The Region's authorities said they would deploy additional air defence systems around energy facilities in the coming weeks.
''')
ev('2024-04-26', 1, ERV, AIR, UAG_IQ, 'Civilians (International)', 'chamchamal', 2, 4,
   '''Four workers were killed and three others injured when an explosive-laden drone struck the Khor Mor gas field in Sulaimani province's Chamchamal district on Friday evening''',
   '''On 26 April 2024, an explosive-laden drone launched by unidentified militants struck a storage area of the Khor Mor gas field in Chamchamal district, coded to Chamchamal (Al Sulaymaniyah), starting a large fire and killing 4 foreign workers and injuring 3. Gas supplies to power stations were suspended. 4 fatalities.''',
   aa2='Labor Group (International)', ct='Civilian targeting')
neg('''Kurdish officials have previously accused Iran-backed militias of targeting the field, a charge the groups deny.''', 'accusation and denial (generic)')
neg('''Kurdistan Region Prime Minister Masrour Barzani condemned the "terrorist attack"''', 'condemnation')
neg('''Iraqi Prime Minister Mohammed Shia al-Sudani ordered the formation of a high-level committee to investigate the attack.''', 'official response (no event)')
neg('''Khor Mor has been targeted repeatedly by rockets and drones since 2022, including an attack in January last year that caused no casualties.''', 'background: earlier attacks (month-only date)')
neg('''The Region's authorities said they would deploy additional air defence systems around energy facilities in the coming weeks.''', 'intention/future')

# ---------------------------------------------------------------- d2-en-006
art('d2-en-006', 'The New Arab', '2020-06-15', 'en', '''
US drone kills two al-Qaeda-linked commanders in Idlib as HTS cracks down on rivals

A US drone strike killed two senior commanders of the al-Qaeda-linked Hurras al-Din group in Idlib city on Sunday, monitors and local sources said, in the latest targeted attack on jihadist leaders in northwestern Syria.

The strike hit a car travelling in the western part of the city, killing a Jordanian commander and a Yemeni commander of the group, according to the Syrian Observatory for Human Rights. Photos shared on social media showed the burnt-out wreckage of the vehicle.

The strike came a day after Hayat Tahrir al-Sham (HTS), the dominant force in Idlib, detained a prominent Hurras al-Din commander at one of its checkpoints near Taftanaz on Saturday, according to the activist-run Idlib Post. Hurras al-Din denied that any of its commanders had been detained.

On Monday, clashes erupted between HTS fighters and members of Hurras al-Din and its allies in the countryside of Jisr al-Shughur, after HTS fighters tried to remove a checkpoint set up by the group. Two fighters were killed in the clashes, a local source told The New Arab.

HTS, which has vowed to prevent any faction from operating outside its control, has in recent weeks raided several Hurras al-Din positions and arrested dozens of its members.

Hurras al-Din was formed in early 2018 by al-Qaeda loyalists who split from HTS.

The US has carried out several strikes against al-Qaeda-linked figures in Idlib since 2017, using drones and, on occasion, special forces raids.

A Russian-Turkish ceasefire agreed in Moscow on 5 March largely halted the Syrian regime's offensive on the province, which displaced nearly one million people.
''')
ev('2020-06-14', 1, ERV, AIR, US17, 'Hurras al Din', 'idlib', 1, 2,
   '''A US drone strike killed two senior commanders of the al-Qaeda-linked Hurras al-Din group in Idlib city on Sunday, monitors and local sources said''',
   '''On 14 June 2020, a US drone struck a car in the western part of Idlib city (Idleb, Idleb), killing a Jordanian and a Yemeni senior commander of Hurras al-Din. 2 fatalities.''')
ev('2020-06-13', 1, SD, ARREST, HTS, 'Hurras al Din', 'taftanaz', 2, 0,
   '''The strike came a day after Hayat Tahrir al-Sham (HTS), the dominant force in Idlib, detained a prominent Hurras al-Din commander at one of its checkpoints near Taftanaz on Saturday''',
   '''Arrests: On 13 June 2020, HTS, the de facto authority in Idleb, detained a prominent Hurras al-Din commander at one of its checkpoints near Taftanaz (Idleb, Idleb). Hurras al-Din denied it.''')
ev('2020-06-15', 1, BAT, CLASH, HTS, 'Hurras al Din', 'jisr', 2, 2,
   '''On Monday, clashes erupted between HTS fighters and members of Hurras al-Din and its allies in the countryside of Jisr al-Shughur, after HTS fighters tried to remove a checkpoint set up by the group. Two fighters were killed in the clashes''',
   '''On 15 June 2020, HTS fighters clashed with Hurras al-Din and allied fighters in the countryside of Jisr al Shughur (Jisr Ash Shugur, Idleb) after HTS tried to remove a Hurras al-Din checkpoint. 2 fighters killed. 2 fatalities.''')
neg('''Hurras al-Din denied that any of its commanders had been detained.''', 'denial')
neg('''HTS, which has vowed to prevent any faction from operating outside its control, has in recent weeks raided several Hurras al-Din positions and arrested dozens of its members.''', 'threat and vague period ("in recent weeks")')
neg('''Hurras al-Din was formed in early 2018 by al-Qaeda loyalists who split from HTS.''', 'background/history')
neg('''The US has carried out several strikes against al-Qaeda-linked figures in Idlib since 2017''', 'generic/background')
neg('''A Russian-Turkish ceasefire agreed in Moscow on 5 March largely halted the Syrian regime's offensive on the province, which displaced nearly one million people.''', 'background: earlier agreement (outside Syria) and displacement statistic')

# ---------------------------------------------------------------- d2-en-007
art('d2-en-007', 'Middle East Eye', '2021-05-26', 'en', '''
Iraq: Protester killed as 'Who killed me?' demonstrations return to Baghdad

Iraqi security forces fired live ammunition and tear gas at protesters in Baghdad's Tahrir Square on Tuesday, killing one demonstrator and wounding dozens, as thousands took to the streets demanding accountability for the killings of activists.

Protesters had gathered in the square under the slogan "Who killed me?" and tried to march towards the fortified Green Zone, medical and security sources told Middle East Eye. Security forces fired live rounds to disperse protesters who tried to remove concrete barriers at the entrance of the square, the sources said.

In the southern city of Nasiriyah, hundreds marched to the Habboubi Square carrying portraits of slain activists, while in Karbala dozens gathered outside the provincial council building in a sit-in that ended peacefully in the evening.

The protests were called after the assassination of prominent Karbala activist Ihab al-Wazni, who was shot dead outside his home on 9 May by gunmen on a motorcycle.

Prime Minister Mustafa al-Kadhimi ordered an investigation into Tuesday's shooting and said that "no one is above the law".

More than 35 activists have been assassinated and dozens abducted since the October 2019 protest movement began, according to Iraq's human rights commission. Iran-aligned armed groups are widely blamed, but they deny any involvement.

Several activist groups have said they will boycott the parliamentary elections scheduled for 10 October.
''')
ev('2021-05-25', 1, PRO, EXCESS, POLIQ20, PROT_IQ, 'baghdad', 1, 1,
   '''Iraqi security forces fired live ammunition and tear gas at protesters in Baghdad's Tahrir Square on Tuesday, killing one demonstrator and wounding dozens, as thousands took to the streets demanding accountability for the killings of activists.''',
   '''On 25 May 2021, Iraqi security forces fired live ammunition and tear gas at thousands of "Who killed me?" protesters in Tahrir Square in Baghdad (Baghdad) who tried to remove concrete barriers and march towards the Green Zone, killing one demonstrator and wounding dozens. [size=thousands] 1 fatality.''',
   ct='Civilian targeting')
ev('2021-05-25', 1, PRO, PEACE, PROT_IQ, '', 'nasiriyah', 1, 0,
   '''In the southern city of Nasiriyah, hundreds marched to the Habboubi Square carrying portraits of slain activists''',
   '''On 25 May 2021, hundreds marched to Habboubi Square in Nasiriyah (Thi Qar) carrying portraits of slain activists, demanding accountability for their killings. [size=hundreds]''')
ev('2021-05-25', 1, PRO, PEACE, PROT_IQ, '', 'karbala', 1, 0,
   '''while in Karbala dozens gathered outside the provincial council building in a sit-in that ended peacefully in the evening.''',
   '''On 25 May 2021, dozens held a sit-in outside the provincial council building in Karbala (Kerbala) demanding accountability for the killings of activists. [size=dozens]''')
neg('''The protests were called after the assassination of prominent Karbala activist Ihab al-Wazni, who was shot dead outside his home on 9 May by gunmen on a motorcycle.''', 'background: earlier event given as context (reported at the time; not re-coded from this article)')
neg('''Prime Minister Mustafa al-Kadhimi ordered an investigation into Tuesday's shooting and said that "no one is above the law".''', 'statement/official response')
neg('''More than 35 activists have been assassinated and dozens abducted since the October 2019 protest movement began''', 'statistic over a period')
neg('''Iran-aligned armed groups are widely blamed, but they deny any involvement.''', 'accusation and denial')
neg('''Several activist groups have said they will boycott the parliamentary elections scheduled for 10 October.''', 'future')

# ---------------------------------------------------------------- d2-en-008
art('d2-en-008', 'Reuters', '2024-02-03', 'en', '''
US strikes Iran-backed groups in Iraq and Syria, dozens killed

BAGHDAD/BEIRUT, Feb 3 (Reuters) - The United States carried out air strikes in Iraq and Syria late on Friday against more than 85 targets linked to Iran's Revolutionary Guards and the militias it backs, in retaliation for a deadly attack on U.S. troops, the U.S. military said.

The strikes used long-range B-1 bombers flown from the United States and hit command and control centres, rocket and drone storage facilities and logistics hubs, U.S. Central Command said.

In Iraq, the strikes hit positions in the al-Qaim area near the Syrian border. Iraqi government spokesman Basim al-Awadi said 16 people, including civilians, were killed and 25 wounded. The Popular Mobilisation Forces said the dead included members of its 45th and 46th brigades, which are affiliated with Kataib Hezbollah.

In Syria, the strikes killed 23 people, all of them members of Iran-backed groups, the Syrian Observatory for Human Rights said: six near Deir al-Zor city, nine in and around al-Mayadin, and eight in the desert near Albu Kamal.

The strikes were in response to a Jan. 28 drone attack on the Tower 22 outpost in Jordan that killed three U.S. soldiers.

"Our response began today. It will continue at times and places of our choosing," President Joe Biden said in a statement.

Iraq's government condemned the strikes as a "violation of Iraqi sovereignty" and said they "put security in Iraq and the region on the edge of the abyss." Syria's foreign ministry said the attacks fuelled conflict in the region.

Kataib Hezbollah had announced on Tuesday that it was suspending military operations against U.S. forces to avoid "embarrassing" the Iraqi government.
''')
ev('2024-02-02', 1, ERV, AIR, US21, PMF, 'qaim', 2, 16,
   '''In Iraq, the strikes hit positions in the al-Qaim area near the Syrian border. Iraqi government spokesman Basim al-Awadi said 16 people, including civilians, were killed and 25 wounded.''',
   '''On 2 February 2024, US B-1 bombers struck PMF positions in the Al Qaim area near the Syrian border, coded to Al Qaim (Al Anbar), in retaliation for the Tower 22 attack. The Iraqi government said 16 people, including civilians, were killed and 25 wounded; the PMF said the dead included members of its Kataib Hezbollah-affiliated 45th and 46th brigades. 16 fatalities.''',
   aa2='Kataib Hezbollah; Civilians (Iraq)')
ev('2024-02-02', 1, ERV, AIR, US21, PROIRAN, 'deirezzor', 2, 6,
   '''In Syria, the strikes killed 23 people, all of them members of Iran-backed groups, the Syrian Observatory for Human Rights said: six near Deir al-Zor city''',
   '''On 2 February 2024, US air strikes hit positions of Iran-backed groups near Deir ez Zor city (Deir ez Zor, Deir ez Zor), killing 6 fighters according to SOHR. 6 fatalities.''',
   aa2=IRGC)
ev('2024-02-02', 1, ERV, AIR, US21, PROIRAN, 'mayadin', 1, 9,
   '''nine in and around al-Mayadin''',
   '''On 2 February 2024, US air strikes hit positions of Iran-backed groups in and around Al Mayadin (Al Mayadin, Deir ez Zor), killing 9 fighters according to SOHR. 9 fatalities.''',
   aa2=IRGC)
ev('2024-02-02', 1, ERV, AIR, US21, PROIRAN, 'abukamal', 2, 8,
   '''and eight in the desert near Albu Kamal.''',
   '''On 2 February 2024, US air strikes hit positions of Iran-backed groups in the desert near Abu Kamal (Abu Kamal, Deir ez Zor), killing 8 fighters according to SOHR. 8 fatalities.''',
   aa2=IRGC)
neg('''The strikes were in response to a Jan. 28 drone attack on the Tower 22 outpost in Jordan that killed three U.S. soldiers.''', 'background: earlier event in Jordan (out of scope)')
neg('''"Our response began today. It will continue at times and places of our choosing," President Joe Biden said in a statement.''', 'threat/future')
neg('''Iraq's government condemned the strikes as a "violation of Iraqi sovereignty"''', 'condemnation')
neg('''Kataib Hezbollah had announced on Tuesday that it was suspending military operations against U.S. forces''', 'statement (announcement, no physical act)')
neg('''The United States carried out air strikes in Iraq and Syria late on Friday against more than 85 targets''', 'lead summary across two countries (quantity trap: 85 targets; coded per location)')
