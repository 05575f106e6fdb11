-- WeChat mini-program sign-in: which person an openid signs in as, the short tickets an unbound
-- openid binds with, family invitations and links, and volunteers (verified by their ID number).
create table identity.wechat_binding (
  county        char(6)     not null,
  openid        text        not null check (char_length(openid) between 1 and 128),
  unionid       text,
  subject_kind  text        not null check (subject_kind in ('RESIDENT', 'FAMILY', 'VOLUNTEER')),
  subject       text        not null,
  bound_at      timestamptz not null,
  primary key (county, openid)
);
create index wechat_binding_subject on identity.wechat_binding (county, subject_kind, subject);

create table identity.binding_ticket (
  id           uuid        primary key,
  county       char(6)     not null,
  ticket_hash  bytea       not null unique,
  openid       text        not null,
  unionid      text,
  expires_at   timestamptz not null,
  failures     int         not null default 0 check (failures >= 0),
  used_at      timestamptz
);

create table identity.family_invitation (
  id           uuid        primary key,
  county       char(6)     not null,
  resident_id  text        not null,
  code_hash    bytea       not null unique,
  issued_by    text        not null,
  issued_at    timestamptz not null,
  expires_at   timestamptz not null,
  used_at      timestamptz,
  used_by      text
);

create table identity.family_link (
  county          char(6)     not null,
  family_subject  text        not null,
  resident_id     text        not null,
  linked_at       timestamptz not null,
  primary key (county, family_subject, resident_id)
);

create table identity.volunteer (
  id                uuid        primary key,
  county            char(6)     not null,
  name              text        not null check (char_length(name) between 1 and 50),
  id_number_enc     bytea       not null,
  id_number_index   bytea       not null,
  id_number_masked  text        not null,
  birth_date        date        not null,
  sex               text        not null check (sex in ('MALE', 'FEMALE')),
  registered_at     timestamptz not null,
  unique (county, id_number_index)
);
