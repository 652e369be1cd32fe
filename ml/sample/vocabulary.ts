/** Word lists for the synthetic resume generator: per-category titles and terms, plus shared filler. */

/** One synthetic category: headline titles, signature terms and typical degrees. */
export interface CategorySpec {
  titles: string[];
  terms: string[];
  degrees: string[];
}

/** The built-in categories (names are the labels). */
export const CATEGORY_SPECS: Record<string, CategorySpec> = {
  'Software Engineer': {
    titles: ['Software Engineer', 'Backend Developer', 'Full Stack Developer', 'Senior Software Developer'],
    terms: ['C++', 'C#', '.NET', 'Node.js', 'TypeScript', 'JavaScript', 'Java', 'Python', 'REST APIs', 'microservices', 'CI/CD', 'Docker', 'Kubernetes', 'Git', 'unit tests', 'code review', 'PostgreSQL', 'React', 'AWS', 'refactoring', 'algorithms', 'debugging'],
    degrees: ['B.Sc. Computer Science', 'B.Tech Information Technology', 'M.Sc. Software Engineering'],
  },
  'Data Scientist': {
    titles: ['Data Scientist', 'Machine Learning Engineer', 'Data Analyst'],
    terms: ['Python', 'pandas', 'scikit-learn', 'regression', 'classification', 'statistics', 'SQL', 'TensorFlow', 'feature engineering', 'A/B testing', 'dashboards', 'Tableau', 'deep learning', 'NLP', 'clustering', 'forecasting', 'Jupyter', 'hypothesis testing', 'data pipelines'],
    degrees: ['M.Sc. Statistics', 'PhD Physics', 'B.Sc. Mathematics'],
  },
  Accountant: {
    titles: ['Accountant', 'Senior Accountant', 'Staff Accountant', 'Accounts Payable Specialist'],
    terms: ['general ledger', 'reconciliations', 'accounts payable', 'accounts receivable', 'GAAP', 'QuickBooks', 'month-end close', 'audit', 'tax returns', 'payroll', 'journal entries', 'financial statements', 'budgeting', 'invoices', 'Excel', 'variance analysis', 'SAP'],
    degrees: ['B.Com Accounting', 'CPA', 'BBA Finance'],
  },
  Nurse: {
    titles: ['Registered Nurse', 'Staff Nurse', 'Charge Nurse', 'ICU Nurse'],
    terms: ['patient care', 'medication administration', 'vital signs', 'ICU', 'BLS', 'ACLS', 'charting', 'EMR', 'triage', 'wound care', 'IV therapy', 'care plans', 'infection control', 'discharge planning', 'telemetry', 'HIPAA', 'pediatrics'],
    degrees: ['BSN Nursing', 'ADN Nursing', 'MSN Nursing'],
  },
  Teacher: {
    titles: ['Teacher', 'High School Teacher', 'Elementary Teacher', 'ESL Instructor'],
    terms: ['lesson plans', 'curriculum', 'classroom management', 'students', 'parent conferences', 'differentiated instruction', 'grading', 'assessment', 'IEP', 'literacy', 'mathematics', 'tutoring', 'Common Core', 'field trips', 'special education', 'student engagement'],
    degrees: ['B.Ed. Elementary Education', 'M.A. Teaching', 'B.A. English'],
  },
  Sales: {
    titles: ['Sales Representative', 'Account Executive', 'Sales Manager', 'Business Development Manager'],
    terms: ['quota', 'pipeline', 'CRM', 'Salesforce', 'cold calling', 'negotiation', 'closing deals', 'territory', 'lead generation', 'revenue growth', 'client relationships', 'upselling', 'prospecting', 'trade shows', 'B2B', 'forecast accuracy'],
    degrees: ['BBA Marketing', 'B.A. Communications', 'MBA'],
  },
  HR: {
    titles: ['HR Generalist', 'Human Resources Manager', 'Recruiter', 'Talent Acquisition Specialist'],
    terms: ['recruiting', 'onboarding', 'employee relations', 'benefits administration', 'HRIS', 'payroll', 'performance reviews', 'compliance', 'job descriptions', 'interviews', 'retention', 'training programs', 'Workday', 'FMLA', 'compensation', 'policies'],
    degrees: ['B.A. Human Resources', 'MBA Human Resources', 'B.A. Psychology'],
  },
  'Mechanical Engineer': {
    titles: ['Mechanical Engineer', 'Design Engineer', 'Manufacturing Engineer'],
    terms: ['SolidWorks', 'AutoCAD', 'CAD', 'FEA', 'thermodynamics', 'prototyping', 'GD&T', 'HVAC', 'manufacturing', 'lean', 'Six Sigma', 'root cause analysis', 'tooling', 'CNC', 'ANSYS', 'product design', 'quality control'],
    degrees: ['B.E. Mechanical Engineering', 'M.S. Mechanical Engineering', 'B.Tech Mechanical'],
  },
};

/** Words every resume uses, whatever the job. */
export const SHARED_TERMS = [
  'team', 'managed', 'developed', 'responsible', 'improved', 'communication', 'leadership', 'project', 'reports',
  'customers', 'Microsoft Office', 'deadlines', 'collaborated', 'organized', 'trained', 'coordinated', 'process',
  'results', 'detail oriented', 'problem solving', 'time management', 'stakeholders', 'documentation', 'meetings',
];

/** Filler sentence frames; {t} is replaced by a term. */
export const FRAMES = [
  'Responsible for {t} and {t} across the team.', 'Experienced in {t}, {t} and {t}.', 'Led {t} initiatives that improved {t}.',
  'Worked closely with stakeholders on {t}.', 'Hands-on with {t}; trained new hires in {t}.', 'Improved {t} by 20% using {t}.',
  'Daily work included {t}, {t} and reporting.', 'Recognized for {t}.',
];

/** Company and city names for the experience section. */
export const COMPANIES = ['Acme Corp', 'Globex', 'Initech', 'Umbrella Health', 'Stark Industries', 'Wayne Enterprises', 'Hooli', 'Vandelay Industries', 'Wonka Foods', 'Cyberdyne'];

/** City names. */
export const CITIES = ['Springfield', 'Riverside', 'Fairview', 'Madison', 'Georgetown', 'Clinton', 'Franklin', 'Greenville'];

/** Month abbreviations for date ranges. */
export const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Headlines that say nothing about the job, so the headline alone cannot give the label away. */
export const GENERIC_TITLES = ['Resume', 'Curriculum Vitae', 'Team Lead', 'Project Coordinator', 'Consultant', 'Professional Profile'];
