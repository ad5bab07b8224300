--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: qrtz_blob_triggers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_blob_triggers (
    sched_name text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    blob_data bytea
);


--
-- Name: qrtz_calendars; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_calendars (
    sched_name text NOT NULL,
    calendar_name text NOT NULL,
    calendar bytea NOT NULL
);


--
-- Name: qrtz_cron_triggers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_cron_triggers (
    sched_name text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    cron_expression text NOT NULL,
    time_zone_id text
);


--
-- Name: qrtz_execution_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_execution_history (
    sched_name text NOT NULL,
    entry_id text NOT NULL,
    instance_name text NOT NULL,
    job_name text NOT NULL,
    job_group text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    fired_time bigint NOT NULL,
    run_time bigint NOT NULL,
    succeeded boolean NOT NULL,
    error_message text,
    retry_attempt integer DEFAULT 0 NOT NULL,
    retry_scheduled boolean DEFAULT false NOT NULL,
    execution_log text,
    result integer,
    summary text,
    metrics text,
    manual boolean,
    fire_instance_id text,
    job_input text,
    job_input_too_large boolean
);


--
-- Name: qrtz_fired_triggers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_fired_triggers (
    sched_name text NOT NULL,
    entry_id text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    instance_name text NOT NULL,
    fired_time bigint NOT NULL,
    sched_time bigint NOT NULL,
    priority integer NOT NULL,
    state text NOT NULL,
    job_name text,
    job_group text,
    is_nonconcurrent boolean NOT NULL,
    requests_recovery boolean,
    execution_group character varying(200),
    progress integer,
    progress_message character varying(250),
    interrupt_requested_time bigint
);


--
-- Name: qrtz_job_details; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_job_details (
    sched_name text NOT NULL,
    job_name text NOT NULL,
    job_group text NOT NULL,
    description text,
    job_class_name text NOT NULL,
    is_durable boolean NOT NULL,
    is_nonconcurrent boolean NOT NULL,
    is_update_data boolean NOT NULL,
    requests_recovery boolean NOT NULL,
    job_data bytea
);


--
-- Name: qrtz_job_status; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_job_status (
    sched_name text NOT NULL,
    job_group text NOT NULL,
    job_name text NOT NULL,
    first_fired_time bigint NOT NULL,
    last_fired_time bigint NOT NULL,
    last_result integer NOT NULL,
    last_run_time bigint NOT NULL,
    last_instance_name text NOT NULL,
    last_entry_id text,
    last_summary text,
    last_success_time bigint,
    last_failure_time bigint,
    last_failure_message text,
    consecutive_failures integer DEFAULT 0 NOT NULL,
    run_count bigint DEFAULT 0 NOT NULL,
    failure_count bigint DEFAULT 0 NOT NULL
);


--
-- Name: qrtz_locks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_locks (
    sched_name text NOT NULL,
    lock_name text NOT NULL
);


--
-- Name: qrtz_misfire_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_misfire_history (
    sched_name text NOT NULL,
    entry_id text NOT NULL,
    instance_name text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    job_name text,
    job_group text,
    misfire_time bigint NOT NULL,
    sched_time bigint,
    reason integer
);


--
-- Name: qrtz_paused_job_grps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_paused_job_grps (
    sched_name text NOT NULL,
    job_group text NOT NULL,
    pause_reason character varying(250),
    paused_by character varying(200),
    paused_at bigint
);


--
-- Name: qrtz_paused_trigger_grps; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_paused_trigger_grps (
    sched_name text NOT NULL,
    trigger_group text NOT NULL,
    pause_reason character varying(250),
    paused_by character varying(200),
    paused_at bigint
);


--
-- Name: qrtz_scheduler_state; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_scheduler_state (
    sched_name text NOT NULL,
    instance_name text NOT NULL,
    last_checkin_time bigint NOT NULL,
    checkin_interval bigint NOT NULL,
    quartz_version character varying(20)
);


--
-- Name: qrtz_simple_triggers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_simple_triggers (
    sched_name text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    repeat_count bigint NOT NULL,
    repeat_interval bigint NOT NULL,
    times_triggered bigint NOT NULL
);


--
-- Name: qrtz_simprop_triggers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_simprop_triggers (
    sched_name text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    str_prop_1 text,
    str_prop_2 text,
    str_prop_3 text,
    int_prop_1 integer,
    int_prop_2 integer,
    long_prop_1 bigint,
    long_prop_2 bigint,
    dec_prop_1 numeric,
    dec_prop_2 numeric,
    bool_prop_1 boolean,
    bool_prop_2 boolean,
    time_zone_id text
);


--
-- Name: qrtz_triggers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.qrtz_triggers (
    sched_name text NOT NULL,
    trigger_name text NOT NULL,
    trigger_group text NOT NULL,
    job_name text NOT NULL,
    job_group text NOT NULL,
    description text,
    next_fire_time bigint,
    prev_fire_time bigint,
    priority integer,
    trigger_state text NOT NULL,
    trigger_type text NOT NULL,
    start_time bigint NOT NULL,
    end_time bigint,
    calendar_name text,
    misfire_instr smallint,
    misfire_orig_fire_time bigint,
    execution_group character varying(200),
    preferred_node character varying(200),
    preferred_node_auto boolean DEFAULT false NOT NULL,
    retry_policy character varying(250),
    retry_attempt integer,
    continues_trigger_name text,
    continues_trigger_group text,
    continuation_condition integer,
    overlap_policy integer,
    pause_reason character varying(250),
    paused_by character varying(200),
    paused_at bigint,
    misfire_threshold bigint,
    fixed_delay boolean,
    job_data bytea
);


--
-- Name: tokengov_audit_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokengov_audit_runs (
    id bigint NOT NULL,
    run_id uuid NOT NULL,
    target text NOT NULL,
    instance_id text NOT NULL,
    fire_instance_id text,
    scheduled_fire_time timestamp with time zone,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone NOT NULL,
    outcome text NOT NULL,
    error text,
    findings integer NOT NULL,
    payload bytea
);


--
-- Name: tokengov_audit_runs_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.tokengov_audit_runs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: tokengov_audit_runs_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.tokengov_audit_runs_id_seq OWNED BY public.tokengov_audit_runs.id;


--
-- Name: tokengov_finding_counters; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokengov_finding_counters (
    target text NOT NULL,
    rule_id text NOT NULL,
    opened bigint DEFAULT 0 NOT NULL,
    resolved bigint DEFAULT 0 NOT NULL
);


--
-- Name: tokengov_findings_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokengov_findings_history (
    id bigint NOT NULL,
    target text NOT NULL,
    rule_id text NOT NULL,
    subject text NOT NULL,
    severity text NOT NULL,
    suppressed boolean NOT NULL,
    first_seen timestamp with time zone NOT NULL,
    last_seen timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone
)
WITH (fillfactor='70');


--
-- Name: tokengov_findings_history_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.tokengov_findings_history_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: tokengov_findings_history_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.tokengov_findings_history_id_seq OWNED BY public.tokengov_findings_history.id;


--
-- Name: tokengov_remediation_journal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokengov_remediation_journal (
    id bigint NOT NULL,
    "time" timestamp with time zone NOT NULL,
    target text NOT NULL,
    token_id text NOT NULL,
    action text NOT NULL,
    outcome text NOT NULL,
    entry jsonb NOT NULL
);


--
-- Name: tokengov_remediation_journal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.tokengov_remediation_journal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: tokengov_remediation_journal_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.tokengov_remediation_journal_id_seq OWNED BY public.tokengov_remediation_journal.id;


--
-- Name: tokengov_audit_runs id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_audit_runs ALTER COLUMN id SET DEFAULT nextval('public.tokengov_audit_runs_id_seq'::regclass);


--
-- Name: tokengov_findings_history id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_findings_history ALTER COLUMN id SET DEFAULT nextval('public.tokengov_findings_history_id_seq'::regclass);


--
-- Name: tokengov_remediation_journal id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_remediation_journal ALTER COLUMN id SET DEFAULT nextval('public.tokengov_remediation_journal_id_seq'::regclass);


--
-- Data for Name: qrtz_blob_triggers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_calendars; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_cron_triggers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.qrtz_cron_triggers VALUES ('tokengov', 'cron:test', 'tokengov', '0/2 * * * * ?', 'Etc/UTC');


--
-- Data for Name: qrtz_execution_history; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_fired_triggers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_job_details; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.qrtz_job_details VALUES ('tokengov', 'audit:test', 'tokengov', NULL, 'TokenGovernance.AuditWorker.Scheduling.TargetAuditJob, tokengov', true, true, false, true, '\x7b22746172676574223a2274657374227d');


--
-- Data for Name: qrtz_job_status; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_locks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.qrtz_locks VALUES ('tokengov', 'TRIGGER_ACCESS');
INSERT INTO public.qrtz_locks VALUES ('tokengov', 'STATE_ACCESS');


--
-- Data for Name: qrtz_misfire_history; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_paused_job_grps; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_paused_trigger_grps; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_scheduler_state; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.qrtz_scheduler_state VALUES ('tokengov', 'replica-before-upgrade', 639322921933329362, 1000, '4.7.3');


--
-- Data for Name: qrtz_simple_triggers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_simprop_triggers; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: qrtz_triggers; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.qrtz_triggers VALUES ('tokengov', 'cron:test', 'tokengov', 'audit:test', 'tokengov', NULL, 639322921960000000, 639322921940000000, 5, 'WAITING', 'CRON', 639322921910000000, NULL, NULL, 2, NULL, NULL, NULL, false, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);


--
-- Data for Name: tokengov_audit_runs; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tokengov_audit_runs VALUES (1, '01a25363-fce7-7795-9b5e-df27335877e1', 'test', 'replica-before-upgrade', 'replica-before-upgrade17619902026121', '2026-12-08 02:03:11.188933+00', '2026-12-08 02:03:11.46894+00', '2026-12-08 02:03:11.73217+00', 'success', NULL, 3, NULL);
INSERT INTO public.tokengov_audit_runs VALUES (3, '01a25364-06f7-735d-92d2-fbeeca32e96e', 'test', 'replica-before-upgrade', 'replica-before-upgrade17619902026123', '2026-12-08 02:03:14+00', '2026-12-08 02:03:14.040038+00', '2026-12-08 02:03:14.04902+00', 'success', NULL, 2, '\x010bac080080aaaaaaeaff7455905304948687da12e1e19aa780ac82aa8404a843a5435eb2e2a0a62a662ee0e62a0622a2eee595907eef645e92c7b0b67484599f6bc3c9c8cac8c8c84adafbe9acad44229148e4e4bcdc9b93297afcb304db2422ee57fc044bb2a041044335f0d064850827b32d3e3f77fd7e177661d7c5611c0e8767f030afe9ca021158153c9ca9168840755edb7f65eac10337cb7c4188a02d675428bd82654995fe4f465c1562e7a1298a421c3ca4662716021c767a0f291b5df1fde169e93c507d7cce4f313e63fd9ed686fa9d94a615219a34f4a096c4b0bc1b44e843fffad4f54fe1ed18fa1886d88dbb308630bc8dbf851043f84c2a54494f41e79643e8c3dbe8bcaf505d14e28f9f206dc52f05221cffec43e8c083e21585ec0e11fea2e5041e58168890f205213f8663f6431eb14fdd3494973944db657a54e0de2b7828a859684b2f05e2dc0a592d2929568a4a2a17aa534e25b93780870baaa60521c27bee8db8749a77b91bd9c9dd840cdd86722155e2ea481ddf2a1637dddd86a25cd3ea9aa2b87f5b08fd7e5133fc9c3eb944e71e54e34ddd8de54c7571b7135647a6a1f6f5a4aee08a86253ac12c980c1d996bb5a0b8e416ac2894dd83a25c29e3e33021b5cfb46d1354c502714eaba2879944ed1b62adf66775b7db0f7db72f9d4bbf7cbd7ae4659ccc3e0b19e5b4d6ec7f1a72ec7b7ac89d92ba717454d552cdf874a352b6cef30ffae81e2a3b96e5cbefde5576541ebdc3ddb27382a9c44eeb26f575b7eb4f183e9b5a3ea3692c12cd3357135ed5b538c97d09ba6ef37b9fdc197173bca12463e904fb8c3a9ee7952aba548be3668e6797b66da5ac0dee9beb2a1f5ae0ca676ed5f6a40d1d3bc957922a139b56406688e5e9669714b5646dd2f046c8e02113d104b1eb166a62e2bdb2608a6ab5e08a6f38bcdcaafa569b7069598e6990d74445187ac13dcf2f09ed7206a4bf93301b49aae0785ec90d3f926ff9e8cb9a799336ab491503e21283b08d6743ec82005ce75d2fc38dd40c590a7acfc216faef0e7810546e92f178df148b567a57a054748d8a35d92a0c5868ecfaf615743c403d2f494f132729ecde5008b0c0c4b2507b2b60807448fd06bc3a1ea0ce96f44cecada111da1a575c24cdd4fe4004402fcdb598e64ed3d0006d7d4d42695ab3eb8f4400f459b324c9a3f6e6050210f2704e6fb129743c405dd634e19a626f150e10e72be18dd75b4303b455e1dc2e78c05073372011007da96c341f882efdd33ae3022d918dcb557fd4b2317dd505164b22d1c0b2399f30ef787f150e10e732c9d6e5be0a1820ad2b1b4ecc2feb8f4400f425d5cae6765c73ff6031c01245f0c2a626fe3a1ea296cda47d34bfba485077faf060ebede20a360f4ffde1d8f5315cba68b4e49587b69584f594eb3d8ff89a9768bd5959b9def95cb804d47541d984cc1bcde1350de3dbb09fbd8029330ad6838ca6f8e3e35b68730b26fbd19b57cae89a6d303aeca0542716ee170c885629c4c6f93fedc4aadcd4f8e2c33ab70ef5eac4a26dc29c5804adf9aae87c462fa866806fc2c145c60c0c463192a961d2638e636438dfcb054deeadf575d2ff03709c77bb43bf7f1d5f5fc661a316abc7dc0d797af1e5b4d662e9e3d7');
INSERT INTO public.tokengov_audit_runs VALUES (2, '01a25363-ff0c-72b9-9e23-908ad5aac1c7', 'test', 'replica-before-upgrade', 'replica-before-upgrade17619902026122', '2026-12-08 02:03:12+00', '2026-12-08 02:03:12.012886+00', '2026-12-08 02:03:12.01913+00', 'success', NULL, 2, NULL);


--
-- Data for Name: tokengov_finding_counters; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tokengov_finding_counters VALUES ('test', 'TG2005', 1, 0);
INSERT INTO public.tokengov_finding_counters VALUES ('test', 'TG2001', 2, 1);


--
-- Data for Name: tokengov_findings_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tokengov_findings_history VALUES (3, 'test', 'TG2001', '0c4e2a1b3d5f0007', 'high', false, '2026-12-08 02:03:11.73217+00', '2026-12-08 02:03:11.73217+00', '2026-12-08 02:03:12.01913+00');
INSERT INTO public.tokengov_findings_history VALUES (1, 'test', 'TG2001', '0c4e2a1b3d5f0006', 'high', false, '2026-12-08 02:03:11.73217+00', '2026-12-08 02:03:14.04902+00', NULL);
INSERT INTO public.tokengov_findings_history VALUES (2, 'test', 'TG2005', '0c4e2a1b3d5f0006', 'critical', false, '2026-12-08 02:03:11.73217+00', '2026-12-08 02:03:14.04902+00', NULL);


--
-- Data for Name: tokengov_remediation_journal; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tokengov_remediation_journal VALUES (1, '2026-12-08 02:03:11.929947+00', 'test', '0c4e2a1b3d5f0007', 'deactivate', 'applied', '{"rule": "TG2001", "time": "2026-12-08T02:03:11.9299477+00:00", "actor": "admin", "after": {"status": "inactive", "updatedAt": "2026-12-08T02:03:11.9276465+00:00"}, "action": "deactivate", "before": {"status": "active", "updatedAt": "2026-10-29T12:00:00+00:00"}, "reason": null, "target": "test", "outcome": "applied", "tokenId": "0c4e2a1b3d5f0007", "workloads": null, "newTokenId": null, "planDigest": "sha256:64489c9f1447baec63479f1e54e40f668c7b0a23ba471fcedcaa942d861ad6d0", "references": null, "fingerprint": "4c13cb56", "schemaVersion": 1, "serviceUserId": null, "newFingerprint": null, "descriptionBefore": null}');


--
-- Name: tokengov_audit_runs_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tokengov_audit_runs_id_seq', 3, true);


--
-- Name: tokengov_findings_history_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tokengov_findings_history_id_seq', 3, true);


--
-- Name: tokengov_remediation_journal_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.tokengov_remediation_journal_id_seq', 1, true);


--
-- Name: qrtz_blob_triggers qrtz_blob_triggers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_blob_triggers
    ADD CONSTRAINT qrtz_blob_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);


--
-- Name: qrtz_calendars qrtz_calendars_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_calendars
    ADD CONSTRAINT qrtz_calendars_pkey PRIMARY KEY (sched_name, calendar_name);


--
-- Name: qrtz_cron_triggers qrtz_cron_triggers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_cron_triggers
    ADD CONSTRAINT qrtz_cron_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);


--
-- Name: qrtz_execution_history qrtz_execution_history_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_execution_history
    ADD CONSTRAINT qrtz_execution_history_pkey PRIMARY KEY (sched_name, entry_id);


--
-- Name: qrtz_fired_triggers qrtz_fired_triggers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_fired_triggers
    ADD CONSTRAINT qrtz_fired_triggers_pkey PRIMARY KEY (sched_name, entry_id);


--
-- Name: qrtz_job_details qrtz_job_details_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_job_details
    ADD CONSTRAINT qrtz_job_details_pkey PRIMARY KEY (sched_name, job_name, job_group);


--
-- Name: qrtz_job_status qrtz_job_status_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_job_status
    ADD CONSTRAINT qrtz_job_status_pkey PRIMARY KEY (sched_name, job_group, job_name);


--
-- Name: qrtz_locks qrtz_locks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_locks
    ADD CONSTRAINT qrtz_locks_pkey PRIMARY KEY (sched_name, lock_name);


--
-- Name: qrtz_misfire_history qrtz_misfire_history_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_misfire_history
    ADD CONSTRAINT qrtz_misfire_history_pkey PRIMARY KEY (sched_name, entry_id);


--
-- Name: qrtz_paused_job_grps qrtz_paused_job_grps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_paused_job_grps
    ADD CONSTRAINT qrtz_paused_job_grps_pkey PRIMARY KEY (sched_name, job_group);


--
-- Name: qrtz_paused_trigger_grps qrtz_paused_trigger_grps_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_paused_trigger_grps
    ADD CONSTRAINT qrtz_paused_trigger_grps_pkey PRIMARY KEY (sched_name, trigger_group);


--
-- Name: qrtz_scheduler_state qrtz_scheduler_state_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_scheduler_state
    ADD CONSTRAINT qrtz_scheduler_state_pkey PRIMARY KEY (sched_name, instance_name);


--
-- Name: qrtz_simple_triggers qrtz_simple_triggers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_simple_triggers
    ADD CONSTRAINT qrtz_simple_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);


--
-- Name: qrtz_simprop_triggers qrtz_simprop_triggers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_simprop_triggers
    ADD CONSTRAINT qrtz_simprop_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);


--
-- Name: qrtz_triggers qrtz_triggers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_triggers
    ADD CONSTRAINT qrtz_triggers_pkey PRIMARY KEY (sched_name, trigger_name, trigger_group);


--
-- Name: tokengov_audit_runs tokengov_audit_runs_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_audit_runs
    ADD CONSTRAINT tokengov_audit_runs_pkey PRIMARY KEY (id);


--
-- Name: tokengov_audit_runs tokengov_audit_runs_run_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_audit_runs
    ADD CONSTRAINT tokengov_audit_runs_run_id_key UNIQUE (run_id);


--
-- Name: tokengov_finding_counters tokengov_finding_counters_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_finding_counters
    ADD CONSTRAINT tokengov_finding_counters_pkey PRIMARY KEY (target, rule_id);


--
-- Name: tokengov_findings_history tokengov_findings_history_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_findings_history
    ADD CONSTRAINT tokengov_findings_history_pkey PRIMARY KEY (id);


--
-- Name: tokengov_remediation_journal tokengov_remediation_journal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokengov_remediation_journal
    ADD CONSTRAINT tokengov_remediation_journal_pkey PRIMARY KEY (id);


--
-- Name: idx_qrtz_eh_fire_inst; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_eh_fire_inst ON public.qrtz_execution_history USING btree (sched_name, fire_instance_id);


--
-- Name: idx_qrtz_eh_fired_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_eh_fired_time ON public.qrtz_execution_history USING btree (sched_name, fired_time);


--
-- Name: idx_qrtz_eh_inst; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_eh_inst ON public.qrtz_execution_history USING btree (sched_name, instance_name);


--
-- Name: idx_qrtz_eh_job_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_eh_job_time ON public.qrtz_execution_history USING btree (sched_name, job_group, job_name, fired_time);


--
-- Name: idx_qrtz_eh_trig_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_eh_trig_time ON public.qrtz_execution_history USING btree (sched_name, trigger_group, trigger_name, fired_time);


--
-- Name: idx_qrtz_ft_inst_job_req_rcvry; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_ft_inst_job_req_rcvry ON public.qrtz_fired_triggers USING btree (sched_name, instance_name, requests_recovery);


--
-- Name: idx_qrtz_ft_j_g; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_ft_j_g ON public.qrtz_fired_triggers USING btree (sched_name, job_name, job_group);


--
-- Name: idx_qrtz_ft_t_g; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_ft_t_g ON public.qrtz_fired_triggers USING btree (sched_name, trigger_name, trigger_group);


--
-- Name: idx_qrtz_j_g_n; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_j_g_n ON public.qrtz_job_details USING btree (sched_name, job_group, job_name);


--
-- Name: idx_qrtz_mh_inst; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_mh_inst ON public.qrtz_misfire_history USING btree (sched_name, instance_name);


--
-- Name: idx_qrtz_mh_misfire_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_mh_misfire_time ON public.qrtz_misfire_history USING btree (sched_name, misfire_time);


--
-- Name: idx_qrtz_t_c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_t_c ON public.qrtz_triggers USING btree (sched_name, calendar_name);


--
-- Name: idx_qrtz_t_g_n; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_t_g_n ON public.qrtz_triggers USING btree (sched_name, trigger_group, trigger_name);


--
-- Name: idx_qrtz_t_j; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_t_j ON public.qrtz_triggers USING btree (sched_name, job_name, job_group);


--
-- Name: idx_qrtz_t_nft_st; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idx_qrtz_t_nft_st ON public.qrtz_triggers USING btree (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr);


--
-- Name: tokengov_audit_runs_finished; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tokengov_audit_runs_finished ON public.tokengov_audit_runs USING btree (finished_at);


--
-- Name: tokengov_audit_runs_latest; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tokengov_audit_runs_latest ON public.tokengov_audit_runs USING btree (target, id DESC);


--
-- Name: tokengov_audit_runs_latest_success; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tokengov_audit_runs_latest_success ON public.tokengov_audit_runs USING btree (target, id DESC) WHERE (outcome = 'success'::text);


--
-- Name: tokengov_findings_history_open; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX tokengov_findings_history_open ON public.tokengov_findings_history USING btree (target, rule_id, subject) WHERE (resolved_at IS NULL);


--
-- Name: tokengov_findings_history_resolved; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tokengov_findings_history_resolved ON public.tokengov_findings_history USING btree (resolved_at) WHERE (resolved_at IS NOT NULL);


--
-- Name: tokengov_remediation_journal_token; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX tokengov_remediation_journal_token ON public.tokengov_remediation_journal USING btree (target, token_id, id);


--
-- Name: qrtz_blob_triggers qrtz_blob_triggers_sched_name_trigger_name_trigger_group_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_blob_triggers
    ADD CONSTRAINT qrtz_blob_triggers_sched_name_trigger_name_trigger_group_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES public.qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;


--
-- Name: qrtz_cron_triggers qrtz_cron_triggers_sched_name_trigger_name_trigger_group_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_cron_triggers
    ADD CONSTRAINT qrtz_cron_triggers_sched_name_trigger_name_trigger_group_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES public.qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;


--
-- Name: qrtz_simple_triggers qrtz_simple_triggers_sched_name_trigger_name_trigger_group_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_simple_triggers
    ADD CONSTRAINT qrtz_simple_triggers_sched_name_trigger_name_trigger_group_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES public.qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;


--
-- Name: qrtz_simprop_triggers qrtz_simprop_triggers_sched_name_trigger_name_trigger_grou_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_simprop_triggers
    ADD CONSTRAINT qrtz_simprop_triggers_sched_name_trigger_name_trigger_grou_fkey FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES public.qrtz_triggers(sched_name, trigger_name, trigger_group) ON DELETE CASCADE;


--
-- Name: qrtz_triggers qrtz_triggers_sched_name_job_name_job_group_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.qrtz_triggers
    ADD CONSTRAINT qrtz_triggers_sched_name_job_name_job_group_fkey FOREIGN KEY (sched_name, job_name, job_group) REFERENCES public.qrtz_job_details(sched_name, job_name, job_group);


--
-- PostgreSQL database dump complete
--


