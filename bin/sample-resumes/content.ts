/**
 * What the bundled sample resumes are made of: per category, the words of ml/sample's vocabulary
 * (titles, terms, degrees) plus what a real resume of that job says (achievements, employers,
 * certificates). Every name, employer and place is invented. Dev-only: used by the generator.
 */
import { CATEGORY_SPECS } from '../../ml/sample/vocabulary';

/** One sample category: its vocabulary and the lines a resume of that job is built from. */
export interface SampleCategory {
  titles: readonly string[];
  terms: readonly string[];
  degrees: readonly string[];
  /** Summary openings; `{years}` is the years of experience, `{term}` a skill. */
  summaries: readonly string[];
  /** The summary's second sentence: what this person is known for. */
  strengths: readonly string[];
  /** Achievement bullets; `{term}` a skill, `{n:LO-HI}` a whole number in that range. */
  bullets: readonly string[];
  employers: readonly string[];
  certificates: readonly string[];
}

const spec = (name: string) => {
  const found = CATEGORY_SPECS[name];
  if (!found) throw new Error(`ml/sample has no category "${name}"`);
  return { titles: found.titles, terms: found.terms, degrees: found.degrees };
};

/** The six categories of the sample, named as their folders (the folder name is the label). */
export const sampleCategories: Record<string, SampleCategory> = {
  Accountant: {
    ...spec('Accountant'),
    summaries: [
      'Detail-minded accountant with {years} years in {term} and {term} for mid-sized companies.',
      'Accountant with {years} years of experience owning the {term} and the {term} cycle.',
      'Certified accountant who keeps the books clean: {years} years of {term}, {term} and audit support.',
    ],
    strengths: [
      'Known for accurate, on-time closes and clear explanations of the numbers to non-finance managers.',
      'Comfortable with ERP migrations, internal controls and tight audit deadlines.',
      'Brings order to messy ledgers and documents every process so others can follow it.',
    ],
    bullets: [
      'Closed the books within {n:3-6} working days each month by automating {term} in Excel.',
      'Prepared quarterly financial statements under GAAP and supported the external audit.',
      'Reconciled {n:6-14} bank and credit-card accounts every month; cleared a backlog of {term} items.',
      'Processed about {n:300-900} invoices a month through {term} with three-way matching.',
      'Built a variance analysis pack comparing budget to actuals for department heads.',
      'Posted journal entries and accruals; kept the general ledger audit-ready.',
      'Prepared federal and state tax returns and handled sales-tax filings.',
      'Ran bi-weekly payroll for {n:40-250} employees and filed payroll taxes on time.',
      'Cut days sales outstanding by {n:8-25}% by tightening {term} follow-up.',
      'Migrated the chart of accounts from QuickBooks to SAP with no lost history.',
    ],
    employers: ['Harbor Lane Manufacturing', 'Bluefield Wholesale', 'Carter & Voss CPAs', 'Northgate Property Group', 'Maple Street Foods'],
    certificates: ['Certified Public Accountant (CPA)', 'QuickBooks ProAdvisor', 'Certified Management Accountant (CMA)'],
  },
  'Data Scientist': {
    ...spec('Data Scientist'),
    summaries: [
      'Data scientist with {years} years turning messy data into decisions through {term} and {term}.',
      'Machine learning practitioner ({years} years) focused on {term}, {term} and clear communication of results.',
      'Analytical problem solver with {years} years of {term} and {term} in product teams.',
    ],
    strengths: [
      'Known for explaining models to non-technical stakeholders and shipping them to production.',
      'Comfortable across the whole workflow, from SQL extraction to monitored models.',
      'Cares about honest evaluation: clean validation splits, baselines and confidence intervals.',
    ],
    bullets: [
      'Built a churn model with scikit-learn that flagged {n:20-45}% of at-risk customers a month earlier.',
      'Designed and analysed A/B tests for pricing pages; wrote the hypothesis testing guidelines.',
      'Wrote data pipelines in Python and SQL feeding {n:4-12} Tableau dashboards used weekly.',
      'Trained a demand forecasting model that cut stock-outs by {n:10-30}%.',
      'Applied NLP topic clustering to {n:20-90} thousand support tickets to find recurring issues.',
      'Led feature engineering for a fraud classification model in TensorFlow.',
      'Mentored two analysts in pandas, statistics and reproducible Jupyter notebooks.',
      'Presented regression results on marketing spend to the leadership team.',
      'Reduced model training time by {n:30-70}% by sampling and caching features.',
      'Cleaned and joined {n:3-9} data sources into one analysis-ready warehouse table.',
    ],
    employers: ['Brightwave Analytics', 'Quillstone Retail', 'Pinecrest Insurance', 'Lumen Health Data', 'Orbital Commerce'],
    certificates: ['TensorFlow Developer Certificate', 'Google Data Analytics Certificate', 'AWS Certified Machine Learning'],
  },
  Nurse: {
    ...spec('Nurse'),
    summaries: [
      'Compassionate registered nurse with {years} years of {term} and {term} in busy hospital units.',
      'Registered nurse ({years} years) experienced in {term}, {term} and patient education.',
      'Calm, organised nurse with {years} years on medical-surgical and {term} units.',
    ],
    strengths: [
      'Known for calm under pressure, accurate charting and clear teaching for patients and families.',
      'Experienced precepting new graduates and leading quality-improvement projects on the unit.',
      'Advocates for patient safety and evidence-based practice at every handover.',
    ],
    bullets: [
      'Delivered patient care for up to {n:4-6} patients per shift on a telemetry unit.',
      'Administered medications and IV therapy following the five rights, with zero reportable errors.',
      'Monitored vital signs and escalated early warning scores to the rapid response team.',
      'Charted assessments and care plans in the EMR (Epic) in real time.',
      'Performed triage in the emergency department for about {n:25-60} patients a day.',
      'Provided wound care and taught families dressing changes before discharge planning.',
      'Precepted {n:3-12} new graduate nurses through their orientation.',
      'Led the unit infection control audit; hand hygiene compliance rose to {n:92-99}%.',
      'Coordinated with physicians, pharmacy and case management on complex discharges.',
      'Maintained BLS and ACLS; responded to codes as part of the ICU team.',
    ],
    employers: ['St. Brigid Medical Center', 'Riverbend Community Hospital', 'Lakeside Children’s Hospital', 'Mercy Valley Clinic', 'Summit Regional Health'],
    certificates: ['Basic Life Support (BLS)', 'Advanced Cardiac Life Support (ACLS)', 'Pediatric Advanced Life Support (PALS)'],
  },
  Sales: {
    ...spec('Sales'),
    summaries: [
      'Quota-crushing sales professional with {years} years of {term} and {term} in B2B markets.',
      'Account executive ({years} years) who builds pipeline through {term} and long client relationships.',
      'Results-driven sales manager with {years} years of {term}, {term} and coaching.',
    ],
    strengths: [
      'Known for disciplined pipeline management and relationships that renew year after year.',
      'Comfortable selling to finance, operations and IT buyers in long enterprise cycles.',
      'Coaches peers on discovery, objection handling and accurate forecasting.',
    ],
    bullets: [
      'Reached {n:105-140}% of annual quota three years running in a {term} territory.',
      'Built a pipeline of {n:40-120} qualified opportunities through cold calling and prospecting.',
      'Closed the largest deal in company history, a three-year contract worth $1.{n:1-9}M.',
      'Kept every opportunity current in Salesforce; forecast accuracy within {n:3-8}%.',
      'Grew revenue from existing accounts by {n:10-35}% through upselling and quarterly reviews.',
      'Represented the company at {n:3-6} trade shows a year and followed up every lead within two days.',
      'Negotiated renewals with procurement teams at enterprise clients.',
      'Coached a team of {n:4-12} sales representatives on discovery calls and closing deals.',
      'Opened a new territory and signed {n:8-25} new logos in the first year.',
      'Partnered with marketing on lead generation campaigns that doubled inbound demos.',
    ],
    employers: ['Vantage Office Supply', 'Crestline Software', 'Redwood Medical Devices', 'Ironbridge Logistics', 'Sunpeak Beverages'],
    certificates: ['Sandler Sales Training', 'Salesforce Certified Administrator', 'Challenger Sales Certification'],
  },
  'Software Engineer': {
    ...spec('Software Engineer'),
    summaries: [
      'Software engineer with {years} years building reliable services with {term} and {term}.',
      'Full-stack developer ({years} years) who enjoys {term}, {term} and clean, tested code.',
      'Backend engineer with {years} years of {term}, {term} and on-call ownership.',
    ],
    strengths: [
      'Known for readable code, thorough code reviews and calm incident response.',
      'Comfortable owning features end to end, from design documents to production monitoring.',
      'Enjoys mentoring and making slow systems fast.',
    ],
    bullets: [
      'Designed REST APIs in Node.js and TypeScript serving {n:2-40} million requests a day.',
      'Split a monolith into {n:4-12} microservices deployed with Docker and Kubernetes.',
      'Raised unit tests coverage from 40% to {n:75-90}% and set up CI/CD with automatic releases.',
      'Cut page load time by {n:20-60}% by profiling and refactoring the React front end.',
      'Tuned PostgreSQL queries and indexes; p95 latency fell by {n:30-70}%.',
      'Led code review for a team of {n:4-9} engineers and wrote the style guide.',
      'Built a job queue in Java that processes {n:20-200} thousand events per minute on AWS.',
      'Fixed long-standing concurrency bugs by debugging thread dumps and adding tracing.',
      'Implemented search with custom ranking algorithms in Python.',
      'Mentored {n:2-5} junior developers through pairing and design reviews.',
    ],
    employers: ['Stackwell Labs', 'Northwind Cloud', 'Byteforge Systems', 'Tidepool Software', 'Keystone Fintech'],
    certificates: ['AWS Certified Developer', 'Certified Kubernetes Application Developer', 'Oracle Certified Java Programmer'],
  },
  Teacher: {
    ...spec('Teacher'),
    summaries: [
      'Dedicated teacher with {years} years of {term} and {term} in public schools.',
      'Energetic educator ({years} years) known for {term}, {term} and warm relationships with families.',
      'Certified teacher with {years} years of experience in {term} and {term}.',
    ],
    strengths: [
      'Known for engaging lessons, clear routines and close partnerships with families.',
      'Experienced with mixed-ability classes, English learners and students with IEPs.',
      'Uses assessment data every week to adjust instruction and small groups.',
    ],
    bullets: [
      'Wrote weekly lesson plans aligned to Common Core for {n:60-110} students across three sections.',
      'Raised the share of students reading at grade level from 58% to {n:70-85}% with small-group literacy work.',
      'Used differentiated instruction and formative assessment to reach every learner.',
      'Held parent conferences twice a year and sent weekly updates to families.',
      'Co-wrote IEP goals with the special education team and tracked progress monthly.',
      'Built a positive classroom management system that cut referrals by {n:20-45}%.',
      'Led the grade-level team that redesigned the mathematics curriculum.',
      'Organised {n:2-4} field trips a year, including a two-day science camp.',
      'Ran an after-school tutoring club for {n:12-30} students preparing for state tests.',
      'Introduced project-based units that raised student engagement survey scores.',
    ],
    employers: ['Oakridge Elementary School', 'Westfield High School', 'Cedar Grove Middle School', 'Lincoln Park Academy', 'Hillview Charter School'],
    certificates: ['State Teaching License (K-6)', 'ESL Endorsement', 'Google Certified Educator'],
  },
};

/** First names of the invented people. */
export const firstNames = [
  'Amelia',
  'Jonah',
  'Priya',
  'Mateo',
  'Grace',
  'Elias',
  'Nora',
  'Samuel',
  'Leila',
  'Owen',
  'Hana',
  'Marcus',
  'Ingrid',
  'Tomás',
  'Zoe',
  'Darius',
  'Clara',
  'Felix',
  'Aisha',
  'Victor',
  'Mei',
  'Rafael',
  'Sofia',
  'Caleb',
  'Yara',
  'Anton',
  'Lucía',
  'Declan',
  'Noor',
  'Hugo',
];

/** Last names of the invented people. */
export const lastNames = [
  'Whitfield',
  'Okafor',
  'Lindqvist',
  'Marchetti',
  'Nakamura',
  'Delgado',
  'Brennan',
  'Haddad',
  'Kowalski',
  'Abernathy',
  'Ferreira',
  'Castellano',
  'Halvorsen',
  'Mbeki',
  'Thornbury',
  'Quintero',
  'Ashdown',
  'Petrovic',
  'Sandoval',
  'Eriksen',
  'Lachance',
  'Oyelaran',
  'Villanueva',
  'Fairbanks',
];

/** Invented towns for addresses and schools. */
export const towns = ['Springfield', 'Riverside', 'Fairview', 'Madison', 'Georgetown', 'Clinton', 'Franklin', 'Greenville', 'Ashford', 'Millbrook'];

/** Invented streets for the few resumes that give an address. */
export const streets = ['Elm Street', 'Harbor Road', 'Orchard Lane', 'Cedar Avenue', 'Willow Court', 'Mill Road'];
