-- Topics narrow a subscription within a module (e.g. the offence chapters a state body handles):
-- a subscription with no topics receives every alert of its modules; one with topics only alerts sharing one.
alter table alerts add column topics text[] not null default '{}';
alter table webhook_subscriptions add column topics text[] not null default '{}';
