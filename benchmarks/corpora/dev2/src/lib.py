ARTS, EVS, NEGS = [], [], []
_cur = None

def art(id, outlet, published, language, text):
    global _cur
    _cur = id
    ARTS.append(dict(id=id, url='', outlet=outlet, published=published,
                     published_basis='page-date', language=language, text=text.strip('\n')))

def ev(date, tp, et, sub, a1, a2, place, gp, fat, evidence, notes, aa1='', aa2='', ct=None):
    if ct is None:
        if et == 'Violence against civilians' or (et == 'Explosions/Remote violence' and a2.startswith('Civilians')):
            ct = 'Civilian targeting'
        else:
            ct = ''
    EVS.append(dict(article_id=_cur, event_date=date, time_precision=tp, event_type=et,
                    sub_event_type=sub, actor1=a1, assoc_actor_1=aa1, actor2=a2, assoc_actor_2=aa2,
                    civilian_targeting=ct, place=place, geo_precision=gp, fatalities=fat,
                    evidence=evidence, notes=notes))

def neg(text, why):
    NEGS.append(dict(article_id=_cur, text=text, why=why))

# short names
BAT, ERV, VAC, PRO, RIO, SD = ('Battles', 'Explosions/Remote violence', 'Violence against civilians',
                               'Protests', 'Riots', 'Strategic developments')
CLASH, GOVREG, NSAOVER = 'Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'
AIR, SHELL, IED, SUI, GREN, CHEM = ('Air/drone strike', 'Shelling/artillery/missile attack',
    'Remote explosive/landmine/IED', 'Suicide bomb', 'Grenade', 'Chemical weapon')
ATT, ABD, SEX = 'Attack', 'Abduction/forced disappearance', 'Sexual violence'
PEACE, INTERV, EXCESS = 'Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'
VIOLDEM, MOB = 'Violent demonstration', 'Mob violence'
AGREE, ARREST, CHANGE, DISRUPT, HQ, LOOT, NVT, OTHER = ('Agreement', 'Arrests', 'Change to group/activity',
    'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction',
    'Non-violent transfer of territory', 'Other')

# actors
IS_SY, IS_IQ = 'Islamic State (Syria)', 'Islamic State (Iraq)'
SDF = 'QSD: Syrian Democratic Forces'
ASAYISH_SY = 'Asayish: Kurdish Internal Security Forces'
SYR_OLD, SYR_NEW = 'Military Forces of Syria (2000-2024)', 'Military Forces of Syria (2024-)'
SYR_POL_NEW = 'Police Forces of Syria (2024-)'
RUS, TUR, IRGC = 'Military Forces of Russia (2000-)', 'Military Forces of Turkey (2016-)', 'Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps'
ISR = 'Military Forces of Israel (2022-)'
US17, US21, US25 = 'Military Forces of the United States (2017-2021)', 'Military Forces of the United States (2021-)', 'Military Forces of the United States (2025-)'
COAL = 'Global Coalition Against Daesh'
HTS = 'HTS: Hayat Tahrir al Sham'
SNA = 'SNA: Syrian National Army'
PKK = 'PKK: Kurdistan Workers Party'
UAG_SY, UAG_IQ = 'Unidentified Armed Group (Syria)', 'Unidentified Armed Group (Iraq)'
CIV_SY, CIV_IQ = 'Civilians (Syria)', 'Civilians (Iraq)'
PROT_SY, PROT_IQ = 'Protesters (Syria)', 'Protesters (Iraq)'
RIOT_SY, RIOT_IQ = 'Rioters (Syria)', 'Rioters (Iraq)'
ALLIED = 'Allied Syrian and/or Russian Forces'
PROIRAN = 'Militia (Pro-Iran)'
IRQ18, IRQ20, IRQ22 = 'Military Forces of Iraq (2018-2020)', 'Military Forces of Iraq (2020-2022)', 'Military Forces of Iraq (2022-)'
POLIQ18, POLIQ20, POLIQ22 = 'Police Forces of Iraq (2018-2020)', 'Police Forces of Iraq (2020-2022)', 'Police Forces of Iraq (2022-)'
ASAY_IQ = 'Police Forces of Iraq (2022-) Asayish'
PESH22 = 'Military Forces of Iraq (2022-) Peshmerga'
YBS = 'YBS: Sinjar Resistance Units'
PMF = 'PMF: Popular Mobilization Forces'
UTM_IQ = 'Unidentified Tribal Militia (Iraq)'
