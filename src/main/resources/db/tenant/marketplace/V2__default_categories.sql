-- The default categories and skills every tenant's marketplace starts with; its admins change them from there.
-- Rows are found by their slug; ids are random in each tenant schema.

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'software-development', 'Software development', 'Web, mobile and desktop applications, APIs and the infrastructure they run on.', 1, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'web-development', 'Web development', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'mobile-apps', 'Mobile apps', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'java', 'Java', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'python', 'Python', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'javascript', 'JavaScript', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'react', 'React', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'e-commerce', 'E-commerce', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'devops', 'DevOps', id, now() FROM marketplace_category WHERE slug = 'software-development';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'databases', 'Databases', id, now() FROM marketplace_category WHERE slug = 'software-development';

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'design', 'Design', 'Brand identity, user interfaces, illustration and print.', 2, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'ui-ux-design', 'UI/UX design', id, now() FROM marketplace_category WHERE slug = 'design';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'graphic-design', 'Graphic design', id, now() FROM marketplace_category WHERE slug = 'design';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'logo-design', 'Logo design', id, now() FROM marketplace_category WHERE slug = 'design';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'illustration', 'Illustration', id, now() FROM marketplace_category WHERE slug = 'design';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'figma', 'Figma', id, now() FROM marketplace_category WHERE slug = 'design';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'brand-identity', 'Brand identity', id, now() FROM marketplace_category WHERE slug = 'design';

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'writing', 'Writing', 'Copy, articles, technical documentation and editing.', 3, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'copywriting', 'Copywriting', id, now() FROM marketplace_category WHERE slug = 'writing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'content-writing', 'Content writing', id, now() FROM marketplace_category WHERE slug = 'writing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'technical-writing', 'Technical writing', id, now() FROM marketplace_category WHERE slug = 'writing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'editing-proofreading', 'Editing and proofreading', id, now() FROM marketplace_category WHERE slug = 'writing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'grant-writing', 'Grant writing', id, now() FROM marketplace_category WHERE slug = 'writing';

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'marketing', 'Marketing', 'Search, social, e-mail and paid campaigns, and the analytics behind them.', 4, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'seo', 'SEO', id, now() FROM marketplace_category WHERE slug = 'marketing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'social-media-marketing', 'Social media marketing', id, now() FROM marketplace_category WHERE slug = 'marketing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'email-marketing', 'E-mail marketing', id, now() FROM marketplace_category WHERE slug = 'marketing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'paid-advertising', 'Paid advertising', id, now() FROM marketplace_category WHERE slug = 'marketing';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'marketing-strategy', 'Marketing strategy', id, now() FROM marketplace_category WHERE slug = 'marketing';

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'data', 'Data and analytics', 'Analysis, dashboards, machine learning and data engineering.', 5, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'data-analysis', 'Data analysis', id, now() FROM marketplace_category WHERE slug = 'data';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'machine-learning', 'Machine learning', id, now() FROM marketplace_category WHERE slug = 'data';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'sql', 'SQL', id, now() FROM marketplace_category WHERE slug = 'data';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'data-visualization', 'Data visualisation', id, now() FROM marketplace_category WHERE slug = 'data';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'excel', 'Excel', id, now() FROM marketplace_category WHERE slug = 'data';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'statistics', 'Statistics', id, now() FROM marketplace_category WHERE slug = 'data';

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'video-audio', 'Video and audio', 'Filming, editing, animation, voice-over and podcasts.', 6, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'video-editing', 'Video editing', id, now() FROM marketplace_category WHERE slug = 'video-audio';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'motion-graphics', 'Motion graphics', id, now() FROM marketplace_category WHERE slug = 'video-audio';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'animation', 'Animation', id, now() FROM marketplace_category WHERE slug = 'video-audio';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'voice-over', 'Voice-over', id, now() FROM marketplace_category WHERE slug = 'video-audio';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'podcast-production', 'Podcast production', id, now() FROM marketplace_category WHERE slug = 'video-audio';

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'translation', 'Translation', 'Translation, localisation, subtitles and interpreting.', 7, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'translation-en-de', 'English–German translation', id, now() FROM marketplace_category WHERE slug = 'translation';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'translation-en-fr', 'English–French translation', id, now() FROM marketplace_category WHERE slug = 'translation';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'translation-en-es', 'English–Spanish translation', id, now() FROM marketplace_category WHERE slug = 'translation';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'localization', 'Localisation', id, now() FROM marketplace_category WHERE slug = 'translation';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'subtitling', 'Subtitling', id, now() FROM marketplace_category WHERE slug = 'translation';

INSERT INTO marketplace_category (id, slug, name, description, position, created_at) VALUES (gen_random_uuid(), 'tutoring', 'Tutoring and teaching', 'Lessons, course design and exam preparation.', 8, now());
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'math-tutoring', 'Mathematics tutoring', id, now() FROM marketplace_category WHERE slug = 'tutoring';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'language-teaching', 'Language teaching', id, now() FROM marketplace_category WHERE slug = 'tutoring';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'exam-preparation', 'Exam preparation', id, now() FROM marketplace_category WHERE slug = 'tutoring';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'course-design', 'Course design', id, now() FROM marketplace_category WHERE slug = 'tutoring';
INSERT INTO marketplace_skill (id, slug, name, category_id, created_at) SELECT gen_random_uuid(), 'music-lessons', 'Music lessons', id, now() FROM marketplace_category WHERE slug = 'tutoring';
